#!/bin/sh
# Stands in for the `docker` executable of Quarkus' Jib extension (quarkus.jib.docker-executable-name)
# in the services' `image` Maven profile: Jib builds the image itself and hands it to `docker load`
# as a tarball on standard input; this writes that tarball to $REHEARSAL_IMAGE_TAR instead, so an
# image is built with no Docker daemon. The file is a docker-archive tarball (what `docker load`
# reads): load it with `docker load -i`, `podman load -i`, `kind load image-archive`, or copy it
# to a registry with `skopeo copy docker-archive:FILE docker://REGISTRY/NAME:TAG`.
set -eu
case "${1:-}" in
  info)
    # Jib asks for the daemon's platform to pick the base image's matching manifest.
    case "$(uname -m)" in
      aarch64|arm64) arch=arm64 ;;
      *) arch=amd64 ;;
    esac
    printf '{"OSType":"linux","Architecture":"%s"}\n' "$arch"
    ;;
  load)
    : "${REHEARSAL_IMAGE_TAR:?REHEARSAL_IMAGE_TAR names the tarball to write}"
    mkdir -p "$(dirname "$REHEARSAL_IMAGE_TAR")"
    cat > "$REHEARSAL_IMAGE_TAR"
    echo "Loaded image: written to $REHEARSAL_IMAGE_TAR"
    ;;
  *)
    echo "jib-to-tar.sh: only 'info' and 'load' are supported, not: $*" >&2
    exit 1
    ;;
esac
