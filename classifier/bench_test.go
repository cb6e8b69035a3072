package classifier

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/scamcheck/scamcheck/classifier/model"
)

// devMessages loads the texts of ../../shared/datasets/dev (beside the
// repository), or of $SCAMCHECK_DEV_DATA (a worktree elsewhere);
// benchmarks skip when they are missing.
func devMessages(b *testing.B) []string {
	b.Helper()
	glob := devGlob()
	files, _ := filepath.Glob(glob)
	if len(files) == 0 {
		b.Skip(filepath.Dir(glob) + " not found")
	}
	var msgs []string
	for _, name := range files {
		readJSONLines(b, name, func(_ int, line []byte) {
			var row struct{ Text string }
			if json.Unmarshal(line, &row) == nil {
				msgs = append(msgs, row.Text)
			}
		})
	}
	return msgs
}

// BenchmarkClassifyDev classifies every dev message once per iteration:
// MB/s is the throughput on one core by the wall clock, cpu-MB/s the same
// by CPU time (GC included), allocs/op the allocations for the whole set
// (divide by msgs/op), and median-µs/msg the median latency of a single
// message measured before the timed loop.
func BenchmarkClassifyDev(b *testing.B) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	benchClassifyDev(b, c)
}

// benchClassifyDev is BenchmarkClassifyDev for classifier c.
func benchClassifyDev(b *testing.B, c *Classifier) {
	msgs := devMessages(b)
	total := 0
	for _, m := range msgs {
		total += len(m)
	}
	// Latency per message, measured once before the timed loop.
	lat := make([]time.Duration, len(msgs))
	for i, m := range msgs {
		start := time.Now()
		c.Classify(m)
		lat[i] = time.Since(start)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		for _, m := range msgs {
			c.Classify(m)
		}
	}
	cpu := processCPU() - cpu0
	b.StopTimer()
	if cpu > 0 {
		// Throughput per core from CPU time, not wall time: on a shared
		// machine the wall clock also counts time spent descheduled.
		b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
	b.ReportMetric(float64(len(msgs)), "msgs/op")
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1000, "median-µs/msg")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1000, "p99-µs/msg")
}

// BenchmarkClassifyMessage is one typical short message, for allocs per
// message.
func BenchmarkClassifyMessage(b *testing.B) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	everyType := loadCases(b, "every_type")
	for _, tc := range []struct{ name, text string }{
		{"zh", everyType[0].Text},
		{"en", everyType[1].Text},
		{"benign_zh", "晚上一起吃饭吗？我请客，老地方见。"},
		{"benign_en", "Running late, see you at the station in 10 minutes."},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.Classify(tc.text)
			}
		})
	}
}

// BenchmarkLoad is what a process pays once before its first message:
// "rules" compiles the embedded rules and builds the phrase automaton and
// its DFA (NewWithModel(nil)); "model" decodes the learned model's weights
// file (model.Load, which New calls once through model.Shipped). It
// reports the DFA's states and table bytes and the weights file's bytes.
func BenchmarkLoad(b *testing.B) {
	b.Run("rules", func(b *testing.B) {
		var c *Classifier
		for i := 0; i < b.N; i++ {
			var err error
			if c, err = NewWithModel(nil); err != nil {
				b.Fatal(err)
			}
		}
		m := c.rs.ac
		b.ReportMetric(float64(len(m.fail)), "states")
		b.ReportMetric(float64(len(m.delta)*2), "table-bytes")
		b.ReportMetric(float64(m.far.len()), "far-entries")
	})
	b.Run("model", func(b *testing.B) {
		m, err := model.Shipped()
		if err != nil {
			b.Fatal(err)
		}
		file, err := m.MarshalBinary()
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(file)))
		for i := 0; i < b.N; i++ {
			if _, err := model.Load(file); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(file)), "file-bytes")
	})
}
