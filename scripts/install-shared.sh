#!/usr/bin/env bash
# Sets up a shared Trinvis installation on one server (see docs/installation.md):
#   - a system group that no person is in (default trinvis),
#   - the database folder (default /var/lib/trinvis) with mode 2770 of that group,
#   - the configuration /etc/trinvis/trinvis.conf naming the database,
#   - a release binary built with --static-swift-stdlib (or --binary PATH), installed
#     root:GROUP mode 2755 (setgid) as PREFIX/bin/trinvis,
#   - the manual page as PREFIX/share/man/man1/trinvis.1.
# Run it as root. Running it again changes nothing that is already right.
set -euo pipefail

usage() {
    cat <<'TEXT'
Usage: install-shared.sh [options]
  --binary PATH       install this trinvis binary instead of building one
  --prefix DIR        where bin/trinvis and share/man/man1/trinvis.1 go (default /usr/local)
  --group NAME        the installation's group (default trinvis)
  --data-dir DIR      the database folder (default /var/lib/trinvis)
  --config-dir DIR    where trinvis.conf goes (default /etc/trinvis; the installed
                      binary always reads /etc/trinvis/trinvis.conf)
  --no-database       do not create the database (by default it is created as root)
  --help              this text
TEXT
}

prefix=/usr/local
group=trinvis
data_dir=/var/lib/trinvis
config_dir=/etc/trinvis
binary=
create_database=1

while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
        --group) group=${2:?--group needs a name}; shift 2 ;;
        --data-dir) data_dir=${2:?--data-dir needs a folder}; shift 2 ;;
        --config-dir) config_dir=${2:?--config-dir needs a folder}; shift 2 ;;
        --no-database) create_database=0; shift ;;
        --help|-h) usage; exit 0 ;;
        *) echo "install-shared.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

if [ "$(id -u)" -ne 0 ]; then
    echo "install-shared.sh: run me as root (sudo $0 ...)" >&2
    exit 1
fi

repository=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
database="$data_dir/trinvis.sqlite"

# 1. The group: a system group, and no person is a member of it.
if ! getent group "$group" >/dev/null; then
    groupadd --system "$group"
    echo "created the system group $group"
fi
members=$(getent group "$group" | cut -d: -f4)
if [ -n "$members" ]; then
    echo "install-shared.sh: the group $group has members ($members); remove them (gpasswd -d NAME $group)," >&2
    echo "  or nobody is kept from reading the database around Trinvis." >&2
    exit 1
fi

# 2. The database folder: 2770, root and the group; new files inherit the group.
install -d -m 2770 -o root -g "$group" "$data_dir"
chown root:"$group" "$data_dir"
chmod 2770 "$data_dir"

# 3. The configuration.
install -d -m 0755 -o root -g root "$config_dir"
config="$config_dir/trinvis.conf"
wanted="# Trinvis shared installation (written by scripts/install-shared.sh)
database = $database"
if [ ! -f "$config" ] || [ "$(cat "$config")" != "$wanted" ]; then
    printf '%s\n' "$wanted" > "$config.tmp"
    chmod 0644 "$config.tmp"
    mv "$config.tmp" "$config"
    echo "wrote $config"
fi

# 4. The binary: a release build that needs no Swift on the server.
if [ -z "$binary" ]; then
    (cd "$repository" && swift build -c release --static-swift-stdlib --product trinvis)
    binary="$repository/.build/release/trinvis"
fi
if [ ! -x "$binary" ]; then
    echo "install-shared.sh: $binary is not an executable" >&2
    exit 1
fi
install -d -m 0755 "$prefix/bin"
install -m 2755 -o root -g "$group" "$binary" "$prefix/bin/trinvis"
# install(1) sets the mode before the owner on some systems: set both again, setgid last.
chown root:"$group" "$prefix/bin/trinvis"
chmod 2755 "$prefix/bin/trinvis"

# 5. The manual page, from the same text as --help.
install -d -m 0755 "$prefix/share/man/man1"
if [ -f "$repository/docs/trinvis.1" ]; then
    install -m 0644 "$repository/docs/trinvis.1" "$prefix/share/man/man1/trinvis.1"
else
    "$prefix/bin/trinvis" help --man > "$prefix/share/man/man1/trinvis.1"
    chmod 0644 "$prefix/share/man/man1/trinvis.1"
fi

# 6. The database, created as root so that no person owns any of its files. Only when the
#    configuration is the one the binary reads.
if [ "$create_database" -eq 1 ] && [ "$config" = /etc/trinvis/trinvis.conf ]; then
    "$prefix/bin/trinvis" check
fi

echo "Trinvis is installed: $prefix/bin/trinvis (setgid $group), database $database."
echo "Next: register the organisations and professionals (docs/installation.md)."
