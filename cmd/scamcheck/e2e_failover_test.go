package main

// End-to-end test of a Redis Sentinel failover under a running bot:
// `scamcheck run` through realMain, the real telegram-bot-api client
// against the fake Bot API, a real master, replica and sentinels.

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/scamcheck/scamcheck/internal/redistest"
	"github.com/scamcheck/scamcheck/locales"
)

func TestE2ESentinelFailoverKeepsTheConversation(t *testing.T) {
	h := newHarness(t, false)
	sn := redistest.StartFailover(t)
	h.env["REDIS_SENTINEL_MASTER"] = redistest.SentinelMaster
	h.env["REDIS_SENTINEL_ADDRS"] = strings.Join(sn.Addrs(), ",")
	metricsAddr := freeAddr(t)
	h.env["METRICS_ADDR"] = metricsAddr
	readyz := "http://" + metricsAddr + "/readyz"
	stop := h.start()
	h.tg.Wait(t, 15*time.Second, "/readyz to answer 200", func() bool { code, _ := httpGet(t, readyz); return code == 200 })

	// What pressing the verdict's first button gives when nothing fails.
	want, controlID := h.controlPress(t)

	// The person's conversation: a verdict with its keyboard, the
	// session committed on the master (logged handled after the commit).
	fwd := h.tg.Forward(enUser, scamEN)
	h.waitHandled(fwd.UpdateID)
	verdict := lastKeyboardMessage(t, h.tg.Sent(enUser.ID))
	// Redis replicates asynchronously: the master acknowledges the
	// session before the replica has it, and a write acknowledged just
	// before the master dies is lost with it (a limit of Sentinel that
	// the README states). Waiting here makes the test about the
	// failover, not about that race.
	sn.WaitReplicated()

	old := sn.Master().Addr()
	window := len(h.logs.String())
	sn.KillMaster()
	// Someone writes while there is no master: answered anyway (from a
	// fresh conversation, as the README says of Redis trouble), once.
	during := h.tg.Forward(zhUser, scamZH)
	promoted := sn.WaitFailover()
	h.waitHandled(during.UpdateID)
	lastKeyboardMessage(t, h.tg.Sent(zhUser.ID))

	// The press on the verdict continues the same dialog on the new
	// master: the same replies as without a failover, not the answer to a
	// button of a conversation the bot does not know.
	n := len(h.tg.Sent(enUser.ID))
	press := h.tg.Press(enUser, verdict, firstButton(verdict))
	h.waitHandled(press.UpdateID)
	got := texts(h.tg.Sent(enUser.ID)[n:])
	if strings.Join(got, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("after the failover the press gave:\n%s\nwant what it gives without one:\n%s", strings.Join(got, "\n---\n"), strings.Join(want, "\n---\n"))
	}
	stale, err := locales.MustLoad().Render("en", "choice.stale", nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(got, "\n"), stale) {
		t.Error("after the failover the press was answered as a button of an unknown conversation: the session was lost")
	}
	ctx := context.Background()
	if k, _ := promoted.Client().Exists(ctx, "scamcheck:u:{"+userKeyOf(t, "888000222")+"}:s").Result(); k != 1 {
		t.Errorf("session on the promoted master %s: got %d keys, want 1", promoted.Addr(), k)
	}
	h.tg.Wait(t, 15*time.Second, "/readyz to answer 200 after the failover", func() bool { code, _ := httpGet(t, readyz); return code == 200 })

	// Every update confirmed, and each answered once.
	h.tg.Wait(t, 15*time.Second, "every update confirmed", func() bool { return h.tg.Pending() == 0 })
	logs := h.logs.String()
	for _, u := range []int{controlID, fwd.UpdateID, during.UpdateID, press.UpdateID} {
		if got := handledCount(logs, u); got != 1 {
			t.Errorf("update %d: handled %d times, want once", u, got)
		}
	}
	if got, want := len(h.tg.Sent(enUser.ID)), n+len(want); got != want {
		t.Errorf("messages to the person: got %d, want %d", got, want)
	}

	// The failover is an event to warn about, not an error, a panic or a
	// leak; and the bot is still running.
	for _, line := range strings.Split(logs[window:], "\n") {
		if strings.Contains(line, `"level":"error"`) || strings.Contains(line, `"level":"fatal"`) || strings.Contains(line, "panic") {
			t.Errorf("during the failover the bot logged: %s", line)
		}
	}
	if secret := strings.SplitN(testToken, ":", 2)[1]; strings.Contains(logs, secret) {
		t.Error("the bot token is in the logs")
	}
	if code := stop(); code != 0 {
		t.Errorf("exit code after the failover: got %d, want 0 (the bot kept running)", code)
	}
	t.Logf("failover from %s to %s; the bot logged during it:\n%s", old, promoted.Addr(), logs[window:])
}

// handledCount counts the log lines saying update id was handled.
func handledCount(logs string, id int) int {
	re := regexp.MustCompile(fmt.Sprintf(`"update":"tg:[0-9]+:%d".*"msg":"update handled"|"msg":"update handled".*"update":"tg:[0-9]+:%d"`, id, id))
	return len(re.FindAllString(logs, -1))
}
