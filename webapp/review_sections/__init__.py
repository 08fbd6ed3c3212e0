"""The Review page in sections: each module draws one part and the page calls them in order.

To add a part to Review, add a module here with one `render(...)` function and one call in pages/review.py.
Pure tables and figures stay outside (webapp/review_data.py, webapp/figures.py) so tests call them without
Streamlit. Candidate and model text is shown literally (webapp/literal.py: md() inside Markdown, html_text() in
st.html; dataframes and widgets are literal already), never as live Markdown.

Job level: overview (counts), export, ranking (bulk jobs: ranking and heatmap), picker (the candidate).
Item level: gauge (scores), findings (PII, injection, item flags), bullets (decisions), skills (coverage),
checks (searchability).
"""
