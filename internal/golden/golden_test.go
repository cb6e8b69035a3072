package golden

import (
	"strings"
	"testing"
)

func TestLineDiffNamesTheFirstDifferentLine(t *testing.T) {
	for _, tc := range []struct {
		got, want, wantIn string
	}{
		{"a\nb\nc", "a\nx\nc", "first difference at line 2"},
		{"a\nb", "a\nb\nc", "   3 + c"},
		{"a\nb\nc", "a\nb", "   3 - c"},
	} {
		if d := LineDiff(tc.got, tc.want); !strings.Contains(d, tc.wantIn) {
			t.Errorf("LineDiff(%q, %q) = %q, want it to contain %q", tc.got, tc.want, d, tc.wantIn)
		}
	}
}
