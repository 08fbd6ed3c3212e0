#!/usr/bin/env bash
# Install Debian's tesseract-ocr (OCR of scanned PDF pages) when it is missing and we may (root); never fatal.
set -u
if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx eng; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing tesseract-ocr for OCR of scanned PDFs"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    tesseract-ocr tesseract-ocr-eng) >/tmp/ats-tesseract-install.log 2>&1 \
    || echo "tesseract-ocr could not be installed (see /tmp/ats-tesseract-install.log); OCR tests will say so"
else
  echo "tesseract is missing and this is not root: scanned PDFs will be refused and the OCR tests will say so"
fi
exit 0
