package imagetext

import (
	"math"
	"testing"
)

func TestParseTSV(t *testing.T) {
	const head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
	for _, tc := range []struct {
		name, tsv, text string
		conf            float64
	}{
		{"empty", head, "", 0},
		{"words and lines", head +
			"1\t1\t0\t0\t0\t0\t0\t0\t1080\t1845\t-1\t\n" +
			"4\t1\t1\t1\t1\t0\t10\t10\t500\t40\t-1\t\n" +
			"5\t1\t1\t1\t1\t1\t10\t10\t40\t40\t90.5\t乖孫\n" +
			"5\t1\t1\t1\t1\t2\t60\t10\t40\t40\t70.5\t,\n" +
			"5\t1\t1\t1\t2\t1\t10\t60\t40\t40\t80\t好啊\n" +
			"5\t1\t2\t1\t1\t1\t10\t200\t40\t40\t95\tOK\n", "乖孫 ,\n好啊\nOK", 84},
		{"blank words and a cut row skipped", head +
			"5\t1\t1\t1\t1\t1\t10\t10\t40\t40\t60\t \n" +
			"5\t1\t1\t1\t1\t2\t10\t10\t40\t40\t80\t您好\r\n" +
			"5\t1\t1\t1\t1\t3\t10\t10", "您好", 80},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, conf := parseTSV(tc.tsv)
			if text != tc.text || math.Abs(conf-tc.conf) > 1e-9 {
				t.Errorf("parseTSV: got %q, %.2f, want %q, %.2f", text, conf, tc.text, tc.conf)
			}
		})
	}
}
