# Multi-stage build: compile in the Go image, run from a distroless image
# as a non-root user with nothing but the static binary and CA roots.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/scamcheck ./cmd/scamcheck

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/scamcheck /usr/local/bin/scamcheck
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/scamcheck"]
CMD ["run"]
