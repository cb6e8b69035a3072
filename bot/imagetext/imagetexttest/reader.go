package imagetexttest

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/scamcheck/scamcheck/bot/imagetext"
)

// RequireEnv names the variable that turns a missing Tesseract or font
// into a failure instead of a skip (CI sets it after installing them),
// as SCAMCHECK_REQUIRE_REDIS does for Redis.
const RequireEnv = "SCAMCHECK_REQUIRE_OCR"

// Reader returns an OCR reader with o, or skips the test (fails it when
// SCAMCHECK_REQUIRE_OCR=1) when Tesseract, its languages or the CJK font
// the screenshots are drawn with are missing.
func Reader(t testing.TB, o imagetext.Options) *imagetext.Reader {
	t.Helper()
	r, err := imagetext.New(context.Background(), o)
	if err == nil {
		err = Available()
	}
	if err != nil {
		missing(t, err)
	}
	return r
}

// MustRender draws c in s as a PNG for a test, skipping it like Reader when the font
// is missing.
func MustRender(t testing.TB, s Style, c Chat) []byte {
	t.Helper()
	img, err := Render(s, c)
	if err != nil {
		missing(t, err)
	}
	return PNG(img)
}

func missing(t testing.TB, err error) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" || !(errors.Is(err, imagetext.ErrUnavailable) || errors.Is(err, ErrNoFont)) {
		t.Fatalf("OCR needed (%s=1 or unexpected error): %v", RequireEnv, err)
	}
	t.Skipf("skipped: %v (install tesseract-ocr, tesseract-ocr-chi-sim, -chi-tra, -eng and fonts-noto-cjk; %s=1 makes this a failure)", err, RequireEnv)
}
