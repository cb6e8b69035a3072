package main

import (
	"context"
	"errors"
)

// runEval is not built yet.
func runEval(ctx context.Context, args []string, sio stdio) error {
	return errors.New("not implemented yet")
}
