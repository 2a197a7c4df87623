#!/usr/bin/env bash
# CUPS with a virtual PDF printer named "PDF" (cups-pdf), for tests/receipts/test_printing.py.
#
# Idempotent and safe to run as root in CI, again and again. It never fails the build: when
# something cannot be done (not root, no apt-get, cupsd will not start in this container) it
# prints a warning and exits 0, and the printing tests skip themselves.
# cups-pdf writes each job to the submitting user's ~/PDF (root: /root/PDF) by default.
set -u

PRINTER="${CLINICDESK_TEST_PRINTER:-PDF}"

warn() { echo "setup-printing: warning: $*" >&2; }
say() { echo "setup-printing: $*"; }

scheduler_running() { lpstat -r 2>/dev/null | grep -q "is running"; }

install_packages() {
  local pkgs="cups cups-client printer-driver-cups-pdf poppler-utils"
  if command -v lpadmin >/dev/null 2>&1 && [ -x /usr/lib/cups/backend/cups-pdf ] \
     && command -v pdftotext >/dev/null 2>&1; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    warn "apt-get not found; install CUPS and cups-pdf by hand"
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  say "installing $pkgs"
  # shellcheck disable=SC2086
  if ! apt-get install -y -qq $pkgs >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    apt-get install -y -qq $pkgs >/dev/null 2>&1 || { warn "apt-get install $pkgs failed"; return 1; }
  fi
}

start_scheduler() {
  scheduler_running && return 0
  say "starting cupsd"
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl start cups >/dev/null 2>&1 || true
  fi
  if ! scheduler_running; then
    if [ -x /usr/sbin/cupsd ]; then
      mkdir -p /run/cups 2>/dev/null || true
      /usr/sbin/cupsd >/dev/null 2>&1 || true   # forks into the background
    elif command -v service >/dev/null 2>&1; then
      service cups start >/dev/null 2>&1 || true
    fi
  fi
  for _ in $(seq 1 20); do
    scheduler_running && return 0
    sleep 0.5
  done
  warn "the CUPS scheduler (cupsd) did not start"
  return 1
}

add_printer() {
  if lpstat -p "$PRINTER" >/dev/null 2>&1; then
    say "printer $PRINTER already exists"
  else
    local model
    model="$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ && /_opt/ {print $1; exit}')"
    [ -n "$model" ] || model="$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ {print $1; exit}')"
    if [ -n "$model" ]; then
      lpadmin -p "$PRINTER" -v cups-pdf:/ -E -m "$model" >/dev/null 2>&1 || model=""
    fi
    if [ -z "$model" ] && ! lpstat -p "$PRINTER" >/dev/null 2>&1; then
      local ppd
      for ppd in /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF.ppd \
                 /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd; do
        [ -f "$ppd" ] && lpadmin -p "$PRINTER" -v cups-pdf:/ -E -P "$ppd" >/dev/null 2>&1 && break
      done
    fi
    lpstat -p "$PRINTER" >/dev/null 2>&1 || { warn "could not add the printer $PRINTER"; return 1; }
    say "added printer $PRINTER (cups-pdf)"
  fi
  cupsenable "$PRINTER" >/dev/null 2>&1 || true
  cupsaccept "$PRINTER" >/dev/null 2>&1 || true
  lpstat -p "$PRINTER" 2>/dev/null || true
}

main() {
  if [ "$(id -u)" != 0 ]; then
    warn "not running as root; skipping CUPS set-up"
    return 0
  fi
  install_packages || return 0
  start_scheduler || return 0
  add_printer || return 0
}

main
exit 0
