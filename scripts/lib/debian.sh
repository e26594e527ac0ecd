# Sourced by the scripts that install the Debian packages they need (as root).
#
# debian_install PACKAGE...   installs quietly; the package lists are updated only when the first try fails.
#                             Fails without root, and when apt-get fails.
debian_install() {
  [[ "$(id -u)" == 0 ]] || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
}
