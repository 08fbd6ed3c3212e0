#!/usr/bin/env bash
# Install Debian's chromium for the browser tests when it is missing and we may (root); never fatal.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing chromium for the e2e tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/ats-chromium-install.log 2>&1 \
    || echo "chromium could not be installed (see /tmp/ats-chromium-install.log); the e2e tests will say so"
else
  echo "chromium is missing and this is not root: the e2e tests will report that they could not run"
fi
exit 0
