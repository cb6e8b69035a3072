// Command scamcheck answers "is this a scam?": as a Telegram bot (run), in the
// terminal (chat), or for one message (check). It is the only place that
// reads the environment and wires I/O to the pure packages.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// stdio is what a subcommand reads from and writes to; tests pass buffers.
type stdio struct {
	in       io.Reader
	out, err io.Writer
	getenv   func(string) string
}

type command struct {
	summary string
	run     func(ctx context.Context, args []string, sio stdio) error
}

func commands() map[string]command {
	return map[string]command{
		"run":   {"run the Telegram bot", runBot},
		"chat":  {"talk to the bot in this terminal (no token, no Redis)", runChat},
		"check": {"print the verdict for one message: check [--json] [--image FILE | TEXT] (stdin without TEXT)", runCheck},
		"eval":  {"measure the classifier on labelled JSONL files", runEval},
		"train": {"train the learned model on the sets of classifier/model/training.json", runTrain},
		"loso":  {"leave-one-source-out: train without each source, measure on it", runLOSO},
	}
}

// errUsage marks an error already explained to the user; exit code 2.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := realMain(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr, getenv: os.Getenv})
	stop()
	os.Exit(code)
}

func realMain(ctx context.Context, args []string, sio stdio) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(sio.err, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(sio.err, "scamcheck: unknown command %q\n", args[0])
		usage(sio.err, cmds)
		return 2
	}
	if err := cmd.run(ctx, args[1:], sio); err != nil {
		if errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
			return 2
		}
		fmt.Fprintf(sio.err, "scamcheck %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: scamcheck <command> [flags]")
	for _, name := range []string{"chat", "check", "eval", "loso", "run", "train"} {
		fmt.Fprintf(w, "  %-6s %s\n", name, cmds[name].summary)
	}
}
