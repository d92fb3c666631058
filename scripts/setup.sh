#!/usr/bin/env bash
# Prepare a Debian 12 machine for building and testing terrac, then build
# bin/terrac. Safe to run any number of times: it installs only what is
# missing (running `apt-get update` only then) and prints nothing when there
# is nothing to do.
#
# Usage: scripts/setup.sh [--deps-only]
#   --deps-only   install/check the system packages and Go, skip building bin/terrac
set -euo pipefail

cd "$(dirname "$0")/.."

build=1
for a in "$@"; do
	case "$a" in
	--deps-only) build=0 ;;
	-h | --help)
		sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "setup.sh: unknown argument: $a" >&2
		exit 2
		;;
	esac
done

# Debian packages the toolchain needs: LLVM 14 and clang 14 (JIT and C
# headers), a C toolchain for cgo and linking, zlib for LLVM, and the tools
# developers use (gdb, tmux, pkg-config); valgrind checks the C++-subset
# library for leaks, and its benchmarks compile the C++ side with clang++-14
# against libstdc++. The image library's writers are verified by the tools
# that read those formats (sfdisk, sgdisk, fsck.fat, mtools, cpio, e2fsck,
# xorriso), and it links zlib, liblzma and libcrypto. nginx (WebDAV) is the
# remote compiled-code cache the remote-cache test starts on loopback.
# The image scripts (images/, issue 15) boot in QEMU through OVMF with
# busybox-static, systemd-boot and a test kernel that scripts/test-kernel.sh
# unpacks (depmod from kmod makes its modules.dep); objdump checks the UKI.
# Neovim (headless) is the real editor the language-server test drives.
packages=(llvm-14-dev clang-14 build-essential gcc g++ zlib1g-dev gdb tmux pkg-config valgrind
	fdisk gdisk dosfstools mtools cpio e2fsprogs xorriso libssl-dev liblzma-dev nginx
	qemu-system-x86 ovmf busybox-static systemd-boot-efi binutils grub-common kmod
	neovim)

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${packages[@]}"; do
	installed "$p" || missing+=("$p")
done

if ((${#missing[@]} > 0)); then
	echo "setup: installing ${missing[*]}"
	sudo=()
	if [[ $(id -u) -ne 0 ]]; then
		if command -v sudo >/dev/null; then
			sudo=(sudo)
		else
			echo "setup: need root to install ${missing[*]} (run as root, or install sudo)" >&2
			exit 1
		fi
	fi
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" apt-get update -qq
	"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The kernel the image boot tests run under QEMU (issue 15): the newest
# Debian linux-image, downloaded and unpacked once into a cache (never
# installed), so the tests themselves download nothing.
if ! kdir=$("$(dirname "$0")/test-kernel.sh" 2>&1); then
	if [[ $(id -u) -eq 0 ]] && apt-get update -qq && kdir=$("$(dirname "$0")/test-kernel.sh" 2>&1); then
		:
	else
		echo "setup: fetching the test kernel failed (the QEMU boot tests will skip or fail):" >&2
		echo "$kdir" >&2
	fi
fi

# Go >= 1.26, in this order: go on PATH, /usr/local/go, the toolchain this
# script fetched before (.toolchain/go), else fetch one. Debian 12's own
# golang-go is Go 1.19: it is installed (when no go exists) only to
# download the golang.org/toolchain module, the one GOTOOLCHAIN uses, from
# the Go module proxy into .toolchain/go. The Makefile puts .toolchain/go/bin
# first on PATH.
goVersionWanted=go1.26.8
goOK() {
	command -v go >/dev/null || return 1
	local v
	v=$(go env GOVERSION 2>/dev/null) || return 1
	[[ $v =~ ^go([0-9]+)\.([0-9]+) ]] || return 1
	((BASH_REMATCH[1] > 1 || (BASH_REMATCH[1] == 1 && BASH_REMATCH[2] >= 26)))
}
if ! goOK && [[ -x /usr/local/go/bin/go ]]; then
	export PATH="/usr/local/go/bin:$PATH"
fi
if ! goOK && [[ -x .toolchain/go/bin/go ]]; then
	export PATH="$PWD/.toolchain/go/bin:$PATH"
fi
if ! goOK; then
	if ! command -v go >/dev/null; then
		echo "setup: installing golang-go (to fetch Go $goVersionWanted)"
		sudo=()
		if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
		export DEBIAN_FRONTEND=noninteractive
		"${sudo[@]}" apt-get update -qq
		"${sudo[@]}" apt-get install -y -qq --no-install-recommends golang-go ca-certificates >/dev/null
	fi
	echo "setup: fetching Go $goVersionWanted from the Go module proxy into .toolchain/go"
	mod="golang.org/toolchain@v0.0.1-$goVersionWanted.linux-amd64"
	tmp=$(mktemp -d)
	dir=$(cd "$tmp" && GO111MODULE=on GOFLAGS=-modcacherw GOPATH="$tmp/gopath" GOTOOLCHAIN=local \
		go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	if [[ -z $dir || ! -f $dir/bin/go ]]; then
		echo "setup: downloading $mod failed" >&2
		rm -rf "$tmp"
		exit 1
	fi
	rm -rf .toolchain/go.tmp && mkdir -p .toolchain && cp -a "$dir" .toolchain/go.tmp
	# Module zips keep no file modes: make the commands executable again.
	chmod -R u+w .toolchain/go.tmp
	chmod +x .toolchain/go.tmp/bin/* .toolchain/go.tmp/pkg/tool/*/*
	rm -rf .toolchain/go && mv .toolchain/go.tmp .toolchain/go
	rm -rf "$tmp"
	export PATH="$PWD/.toolchain/go/bin:$PATH"
	if ! goOK; then
		echo "setup: .toolchain/go/bin/go does not run as Go 1.26 or newer" >&2
		exit 1
	fi
fi

if ((build)); then
	mkdir -p bin
	if ! out=$(go build -tags llvmstatic -o bin/terrac ./cmd/terrac 2>&1); then
		echo "setup: building bin/terrac failed:" >&2
		echo "$out" >&2
		exit 1
	fi
	# Terra's command-line interface is the same program under that name.
	ln -sf terrac bin/terra
fi
