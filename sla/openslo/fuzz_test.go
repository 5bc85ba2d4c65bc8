package openslo_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slamath/slamath/sla/openslo"
)

// FuzzRead: no input makes Read panic or return an error that is not an
// *Error wrapping a sentinel; whatever Read accepts, Write writes, and
// reading that gives the same File back.
func FuzzRead(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(aliasBomb(4096, 8)))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := openslo.Options{MaxBytes: 1 << 16}.Read(data)
		if err != nil {
			var e *openslo.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not an *openslo.Error", err, err)
			}
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		out, err := openslo.Marshal(file)
		if err != nil {
			t.Fatalf("Read accepted the input but Marshal failed: %v", err)
		}
		back, err := openslo.Read(out)
		if err != nil {
			t.Fatalf("Marshal wrote what Read refuses: %v\n%s", err, out)
		}
		if diff := cmp.Diff(file, back, fileOptions); diff != "" {
			t.Fatalf("read(write(read(x))) differs from read(x) (-want +got):\n%s", diff)
		}
	})
}

func isSentinel(err error) bool {
	for _, s := range []error{openslo.ErrSyntax, openslo.ErrVersion, openslo.ErrUnknownKind, openslo.ErrUnknownField,
		openslo.ErrMissingField, openslo.ErrDuplicateKey, openslo.ErrDuplicateName, openslo.ErrMissingRef,
		openslo.ErrConflict, openslo.ErrRange, openslo.ErrPrecision, openslo.ErrTooLarge, openslo.ErrInvalid,
		openslo.ErrUnsupported} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
