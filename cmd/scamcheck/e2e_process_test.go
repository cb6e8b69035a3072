package main

// Tests and measurements of `scamcheck run` as a separate process: killed
// with SIGKILL and restarted, and its start-up time and memory.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestE2EChildProcess is not a test: it is `scamcheck run` inside a child
// process started by the tests below (the test binary re-executed).
func TestE2EChildProcess(t *testing.T) {
	if os.Getenv("SCAMCHECK_E2E_CHILD") != "1" {
		t.Skip("runs only as the child of TestE2EKilledWithSIGKILL...")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(realMain(ctx, []string{"run", "-poll-timeout", "1s"}, stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr, getenv: os.Getenv}))
}

// startChild runs the bot in a child process with h's settings.
func (h *harness) startChild() *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestE2EChildProcess$")
	cmd.Env = append(os.Environ(), "SCAMCHECK_E2E_CHILD=1")
	for k, v := range h.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = h.logs, h.logs
	if err := cmd.Start(); err != nil {
		h.t.Fatalf("start the bot process: %v", err)
	}
	h.t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return cmd
}

func TestE2EKilledWithSIGKILLLosesNothingAndRepeatsNothingThenSIGTERMExitsCleanly(t *testing.T) {
	h := newHarness(t, true)
	child := h.startChild()
	h.tg.Command(zhUser, "/start")
	greeting := h.tg.WaitSent(t, zhUser.ID, 1)[0]
	forwarded := h.tg.Forward(enUser, scamEN)
	verdict := lastKeyboardMessage(t, h.tg.WaitSent(t, enUser.ID, 1))
	// Let the offset write past that update land, then kill without
	// warning. The verdict reaching the person is not enough: the update
	// is marked done one store round trip later, and a kill in between
	// answers it twice by design (Engine.Handle); on a loaded machine the
	// first batch's offset alone let that window show (a CI run saw the
	// verdict sent again).
	h.tg.Wait(t, 5*time.Second, "the offset saved past the forwarded message", func() bool {
		v, _ := h.rd.Client().Get(context.Background(), "scamcheck:kv:tg:offset:987654321").Result()
		n, err := strconv.Atoi(v)
		return err == nil && n > forwarded.UpdateID
	})
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = child.Wait()
	zhBefore, enBefore := len(h.tg.Sent(zhUser.ID)), len(h.tg.Sent(enUser.ID))

	// While the bot is dead, both people carry on.
	h.tg.Forward(zhUser, scamZH)
	h.tg.Press(enUser, verdict, firstButton(verdict))
	second := h.startChild()
	h.tg.WaitSent(t, zhUser.ID, zhBefore+1)
	h.tg.WaitSent(t, enUser.ID, enBefore+1)
	time.Sleep(500 * time.Millisecond) // room for a wrong repeat to show up
	for _, m := range h.tg.Sent(zhUser.ID)[zhBefore:] {
		if m.Text == greeting.Text {
			t.Errorf("the greeting was sent again after the restart")
		}
	}
	for _, m := range h.tg.Sent(enUser.ID)[enBefore:] {
		if m.Text == verdict.Text {
			t.Errorf("the verdict was sent again after the restart")
		}
	}
	if h.tg.Pending() != 0 {
		t.Errorf("updates left unconfirmed: %d", h.tg.Pending())
	}

	// SIGTERM: the bot stops polling, finishes and exits 0.
	if err := second.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- second.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit after SIGTERM: got %v, want status 0", err)
		}
	case <-time.After(15 * time.Second):
		t.Error("the bot did not exit within 15s of SIGTERM")
	}
}

// TestMeasureRunStartupAndMemory builds scamcheck and runs it against the
// fake Bot API and a real Redis, printing the time to the first answer and
// the resident memory (peak and current, from /proc) after some traffic. It is a measurement, not a test:
//
//	SCAMCHECK_MEASURE=1 go test -run TestMeasureRunStartupAndMemory -v ./cmd/scamcheck
func TestMeasureRunStartupAndMemory(t *testing.T) {
	if os.Getenv("SCAMCHECK_MEASURE") != "1" {
		t.Skip("set SCAMCHECK_MEASURE=1 to measure")
	}
	bin := filepath.Join(t.TempDir(), "scamcheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	h := newHarness(t, true)
	h.env["LOG_LEVEL"] = "info"
	cmd := exec.Command(bin, "run")
	for k, v := range h.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stderr, _ := cmd.StderrPipe()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1000)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	h.tg.Command(enUser, "/start")
	h.tg.WaitSent(t, enUser.ID, 1)
	firstAnswer := time.Since(start)
	// A little traffic: 200 people check a message and press a button.
	for i := 0; i < 200; i++ {
		u := enUser
		u.ID = int64(5000000 + i)
		h.tg.Forward(u, scamEN)
	}
	h.tg.Wait(t, 60*time.Second, "200 verdicts", func() bool { return len(h.tg.CallsTo("sendMessage")) >= 201 })
	// Peak and current resident memory, from the kernel's own accounting.
	status, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	var mem []string
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM") || strings.HasPrefix(l, "VmRSS") {
			mem = append(mem, strings.Join(strings.Fields(l), " "))
		}
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	var all []string
	for l := range lines { // until the pipe closes; Wait would close it early
		all = append(all, l)
	}
	_ = cmd.Wait()
	var readyLine string
	for _, l := range all {
		if strings.Contains(l, `"msg":"ready"`) {
			readyLine = l
		}
	}
	startup := regexp.MustCompile(`"startup":"[^"]+"`).FindString(readyLine)
	fmt.Printf("start-up (process start to ready, as logged): %s\nfirst answer to /start after exec: %v\nafter 201 updates: %s\n", startup, firstAnswer, strings.Join(mem, ", "))
}
