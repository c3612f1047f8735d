# build-aux/common.sh: shared by run-demo, run-tests and run-benchmarks —
# installs what is missing (Debian 12) and builds into <repo>/build.
# SPDX-License-Identifier: GPL-3.0-or-later

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build"

# Everything needed to build, test and run Our Plan on Debian 12.
PACKAGES=(
  meson ninja-build pkg-config gcc
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libglib2.0-dev libglib2.0-dev-bin librsvg2-dev
  gettext desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3 python3-dogtail python3-gi gir1.2-atspi-2.0
  poppler-utils librsvg2-common hicolor-icon-theme adwaita-icon-theme fonts-cantarell
  libgdk-pixbuf-2.0-dev webp-pixbuf-loader
)

say () {
  printf '%s\n' "$*" >&2
}

ensure_packages () {
  local missing=() pkg
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "This is not a Debian-like system: please install the equivalents of: ${PACKAGES[*]}"
    return 0
  fi
  for pkg in "${PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != "installed" ]; then
      missing+=("$pkg")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0

  say "Installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      say "These packages are missing and this script is not running as root."
      say "Please run, as root:"
      say "  apt-get update && apt-get install -y ${missing[*]}"
      exit 1
    fi
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

build () {
  if [ -f "$BUILD/build.ninja" ]; then
    meson setup --reconfigure "$BUILD" "$ROOT" >/dev/null
  else
    meson setup "$BUILD" "$ROOT"
  fi
  ninja -C "$BUILD"
}

# Runs "$@" with a virtual screen, a D-Bus session and the accessibility bus,
# the way the display tests (suites 'ui' and 'e2e') expect.
in_virtual_session () {
  xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$ROOT/build-aux/with-a11y-bus" \
    env GSK_RENDERER=cairo "$@"
}
