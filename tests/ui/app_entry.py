"""Runs app.py for AppTest from a folder without a pages/ directory.

AppTest resets Streamlit's "the app uses a pages/ directory" flag before every run, so an entry
script beside pages/ would be run in the legacy multipage mode and skip app.py; from here app.py
runs exactly as `streamlit run app.py` runs it after its first st.navigation call.
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parents[2] / "app.py"), run_name="__main__")
