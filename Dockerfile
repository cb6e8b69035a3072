# Multi-stage build: compile a static binary in the Go image, run it as a
# non-root user on Debian slim with Tesseract and its Chinese and English
# language packs, which read the screenshots people forward.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/scamcheck ./cmd/scamcheck

# Tesseract is run as a program (no cgo), so the binary stays static; the
# runtime image needs the program, its language data and CA roots. The
# package lists, apt's and dpkg's logs and the backups debconf and dpkg keep
# of their databases (*-old) are not needed to run, and would add ~1 MB.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-eng \
 && rm -rf /var/lib/apt/lists/* /var/cache/debconf/*-old /var/lib/dpkg/*-old /var/log/apt/* /var/log/dpkg.log \
 && useradd --system --uid 65532 --user-group --no-create-home --shell /usr/sbin/nologin nonroot
COPY --from=build /out/scamcheck /usr/local/bin/scamcheck
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/scamcheck"]
CMD ["run"]
