package telegram

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// TestChunkedAnswersKeepTheirConnection: a long poll's answer of many
// updates comes in chunks; the library stops reading at the end of the
// JSON value, and the client must still reuse the connection.
func TestChunkedAnswersKeepTheirConnection(t *testing.T) {
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/getMe") {
			fmt.Fprint(w, `{"ok":true,"result":{"id":555666777,"is_bot":true,"first_name":"T","username":"t_bot"}}`)
			return
		}
		// Flushing before the end makes the answer chunked, as a large
		// one is; the newline an encoder writes last and the last chunk
		// come after the library has its JSON value.
		fmt.Fprint(w, `{"ok":true,"result":[{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":7,"type":"private"},"text":"hi"}}]}`)
		w.(http.Flusher).Flush()
		time.Sleep(20 * time.Millisecond)
		fmt.Fprint(w, "\n")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c, err := Dial(context.Background(), Config{Token: token, APIURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := c.api.GetUpdates(tgbotapi.UpdateConfig{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("connections for getMe and three chunked getUpdates answers: got %d, want 1", n)
	}
}
