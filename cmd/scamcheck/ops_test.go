package main

import (
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/scamcheck/scamcheck/locales"
)

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestE2EMetricsHealthAndLimitsOfARunningBot(t *testing.T) {
	h := newHarness(t, true)
	addr := freeAddr(t)
	h.env["METRICS_ADDR"] = addr
	h.env["CHECKS_PER_MINUTE"] = "2"
	h.start()
	base := "http://" + addr
	h.tg.Wait(t, 15*time.Second, "/healthz", func() bool { code, _ := httpGet(t, base+"/healthz"); return code == 200 })
	if code, body := httpGet(t, base+"/readyz"); code != 200 {
		t.Errorf("/readyz with Redis up: got %d %q, want 200", code, body)
	}

	h.tg.Command(enUser, "/start")
	h.tg.WaitSent(t, enUser.ID, 1)
	for i := 0; i < 3; i++ {
		n := len(h.tg.Sent(enUser.ID))
		h.tg.Forward(enUser, scamEN+strings.Repeat("!", i))
		h.tg.WaitSent(t, enUser.ID, n+1)
	}
	msgs := h.tg.Sent(enUser.ID)
	limit, err := locales.MustLoad().Render("en", "limits.still_open", nil)
	if err != nil {
		t.Fatal(err)
	}
	if last := msgs[len(msgs)-1].Text; !strings.Contains(last, limit) {
		t.Errorf("third check with CHECKS_PER_MINUTE=2: got %q, want the limit reply", last)
	}

	_, body := httpGet(t, base+"/metrics")
	for _, want := range []string{
		`scamcheck_updates_total{kind="command",outcome="answered"} 1`,
		`scamcheck_updates_total{kind="text",outcome="answered"} 3`,
		`scamcheck_checks_limited_total{window="minute"} 1`,
		`scamcheck_verdicts_total{level="high"`,
		`scamcheck_telegram_calls_total{method="sendMessage",outcome="ok"}`,
		`scamcheck_update_handling_seconds_bucket`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if !regexp.MustCompile(`(?m)^scamcheck_redis_round_trips_total [1-9]`).MatchString(body) {
		t.Error("/metrics: scamcheck_redis_round_trips_total missing or zero after four updates through Redis")
	}
	if strings.Contains(body, testToken) || strings.Contains(body, "888000222") {
		t.Error("/metrics holds the token or a raw user id")
	}
}

func TestOpsSettingsAreChecked(t *testing.T) {
	for _, tc := range []struct {
		env     map[string]string
		wantErr string
	}{
		{map[string]string{}, ""},
		{map[string]string{"CHECKS_PER_MINUTE": "0", "CHECKS_PER_DAY": "50"}, ""},
		{map[string]string{"CHECKS_PER_MINUTE": "ten"}, "CHECKS_PER_MINUTE"},
		{map[string]string{"CHECKS_PER_DAY": "-1"}, "CHECKS_PER_DAY"},
	} {
		sio := stdio{getenv: func(k string) string { return tc.env[k] }}
		_, err := loadOpsConfig(sio)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%v: got %v, want no error", tc.env, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%v: got %v, want an error naming %s", tc.env, err, tc.wantErr)
		}
	}
}

func TestATakenMetricsAddressStopsStartUpInOneLine(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	h := newHarness(t, false)
	h.env["METRICS_ADDR"] = ln.Addr().String()
	code := h.start()()
	if code == 0 || !strings.Contains(h.logs.String(), "METRICS_ADDR") {
		t.Errorf("run with METRICS_ADDR taken: exit %d, output %q; want a failure naming METRICS_ADDR", code, h.logs.String())
	}
}
