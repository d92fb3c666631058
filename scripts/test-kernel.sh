#!/bin/sh
# test-kernel.sh: fetch the newest Debian linux-image-VERSION-amd64 into a
# cache directory without installing it (installing would pull in
# initramfs-tools and run it on the host), and print the directory.
#
#   dir=$(scripts/test-kernel.sh)   # $dir/vmlinuz, $dir/lib/modules/VERSION
#
# The cache is $TERRAC_TEST_KERNEL_DIR, else $XDG_CACHE_HOME/terrac-test-kernel,
# else ~/.cache/terrac-test-kernel. Needs apt-get, dpkg and depmod (kmod). A kernel already there is reused; a
# fetch goes to a temp directory renamed into place, so an interrupted run
# leaves nothing half-unpacked.
set -eu
cache=${TERRAC_TEST_KERNEL_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/terrac-test-kernel}
if [ -f "$cache/vmlinuz" ] && [ -d "$cache/lib/modules" ]; then
	echo "$cache"
	exit 0
fi
# The generic flavour only: not -cloud-, -rt- or -unsigned.
pkg=$(apt-cache search --names-only '^linux-image-[0-9].*-amd64$' | awk '{print $1}' |
	grep -v -e '-cloud-' -e '-rt-' -e '-unsigned' -e '-dbg' | sort -V | tail -n 1)
if [ -z "$pkg" ]; then
	echo "test-kernel.sh: no linux-image-*-amd64 in apt-cache (run apt-get update)" >&2
	exit 1
fi
mkdir -p "$(dirname "$cache")"
tmp=$(mktemp -d "$cache.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download -q "$pkg" >&2)
dpkg -x "$tmp"/"$pkg"_*.deb "$tmp/root"
ver=${pkg#linux-image-}
cp "$tmp/root/boot/vmlinuz-$ver" "$tmp/root/vmlinuz"
echo "$ver" > "$tmp/root/VERSION"
# The package ships no modules.dep (its postinst runs depmod): make one.
depmod -b "$tmp/root" "$ver"
rm -rf "$cache"
mv "$tmp/root" "$cache"
echo "$cache"
