package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// A person's record is one string: the marks of the updates handled for
// them lately, a newline, and their session.
//
//	record = marks "\n" session
//	marks  = [mark *(" " mark)]
//	mark   = markOf(update-id) "=" handled-at     ; Unix seconds in base 36
//
// Keeping the marks in the session's own key, rather than a key per
// update, makes a person one key (and a lock while one of their updates is
// handled): a fraction of the memory of a key per mark, and nothing for
// Forget to search for. A record without a newline is a session alone.
//
// The Redis scripts in redis.go read and write the same format; the
// functions here are the Go side of it (the memory store, and the split of
// what Begin returns), and the store tests hold both to it.

// markOf is what a record keeps of an update id: 48 bits of its SHA-256
// in eight URL-safe base64 characters. A Telegram update id with the
// bot's id is three times as long, and marks are most of a record; ids of
// any form fit the format. A new update is taken for a handled one only
// if its 48 bits equal one of the person's at most MaxMarks marks: about
// one chance in 10^13 per update.
func markOf(updateID string) string {
	sum := sha256.Sum256([]byte(updateID))
	return base64.RawURLEncoding.EncodeToString(sum[:6])
}

// MaxMarks is how many marks a record keeps, newest last. A redelivery
// comes within seconds or hours of the first delivery; a person does not
// send this many updates in between. Marks older than the SeenTTL of the
// commit that rewrites the record are dropped too.
const MaxMarks = 16

// splitRecord returns a record's marks and session (nil when it holds
// none).
func splitRecord(rec []byte) (marks string, session []byte) {
	i := bytes.IndexByte(rec, '\n')
	if i < 0 {
		if len(rec) == 0 {
			return "", nil
		}
		return "", rec
	}
	if i+1 < len(rec) {
		session = rec[i+1:]
	}
	return string(rec[:i]), session
}

// joinRecord makes a record of marks and a session.
func joinRecord(marks string, session []byte) []byte {
	out := make([]byte, 0, len(marks)+1+len(session))
	out = append(out, marks...)
	out = append(out, '\n')
	return append(out, session...)
}

// hasMark reports whether marks hold the mark id (see markOf).
func hasMark(marks, id string) bool {
	for m := range strings.FieldsSeq(marks) {
		if mid, _, ok := strings.Cut(m, "="); ok && mid == id {
			return true
		}
	}
	return false
}

// addMark returns marks with the mark id (see markOf) handled at now,
// without the marks older than seenTTL, and at most MaxMarks of them.
func addMark(marks, id string, now time.Time, seenTTL time.Duration) string {
	oldest := now.Add(-seenTTL).Unix()
	kept := make([]string, 0, MaxMarks+1)
	for m := range strings.FieldsSeq(marks) {
		mid, at, ok := strings.Cut(m, "=")
		sec, err := strconv.ParseInt(at, 36, 64)
		if !ok || err != nil || sec < oldest || mid == id {
			continue
		}
		kept = append(kept, m)
	}
	kept = append(kept, id+"="+strconv.FormatInt(now.Unix(), 36))
	if len(kept) > MaxMarks {
		kept = kept[len(kept)-MaxMarks:]
	}
	return strings.Join(kept, " ")
}
