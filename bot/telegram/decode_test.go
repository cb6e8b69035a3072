package telegram

import "testing"

// TestDecodeUpdateMarksForwardOrigin: since Bot API 7.0 a forwarded message
// carries only forward_origin, which the library does not know; decoding
// must still mark it forwarded, and nothing else may look forwarded.
func TestDecodeUpdateMarksForwardOrigin(t *testing.T) {
	const head = `{"update_id":7,"message":{"message_id":1,"date":1700000000,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"A"},`
	tests := []struct {
		name string
		body string
		want bool
	}{
		{"typed", head + `"text":"hello"}}`, false},
		{"origin user", head + `"text":"pay now","forward_origin":{"type":"user","date":1699999000,"sender_user":{"id":9,"is_bot":false,"first_name":"B"}}}}`, true},
		{"origin hidden user", head + `"text":"pay now","forward_origin":{"type":"hidden_user","date":1699999000,"sender_user_name":"B"}}}`, true},
		{"origin channel", head + `"text":"pay now","forward_origin":{"type":"channel","date":1699999000,"chat":{"id":-100,"type":"channel"},"message_id":3}}}`, true},
		{"origin without date", head + `"text":"pay now","forward_origin":{"type":"user"}}}`, true},
		{"older forward_date", head + `"text":"pay now","forward_date":1699999000}}`, true},
		{"the key's name inside the text", head + `"text":"\"forward_origin\": is a field"}}`, false},
		{"origin null", head + `"text":"pay now","forward_origin":null}}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _, ok := decodeUpdate([]byte(tt.body))
			if !ok || u.Message == nil {
				t.Fatalf("decodeUpdate failed on %s", tt.body)
			}
			if got := u.Message.ForwardDate != 0; got != tt.want {
				t.Errorf("forwarded = %v, want %v (ForwardDate %d)", got, tt.want, u.Message.ForwardDate)
			}
		})
	}
}
