package openslo_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla/openslo"
)

// TestManyEmptyDocumentsRefusedInBoundedMemory: a stream of a million
// empty documents ("---\n" repeated, 4 MB, just under MaxBytes) cost
// 691 MB of allocation (about 700 bytes for each 4-byte document, spent
// by the YAML library on every document it decodes). Read now counts
// documents and refuses the stream after Options.MaxDocuments of them
// (DefaultMaxDocuments, 10,000) with ErrTooLarge. Decoding 10,001 empty
// documents costs about 7 MB; the bound asserted is 4 bytes per input
// byte, 16 MB, where the old cost was 173.
func TestManyEmptyDocumentsRefusedInBoundedMemory(t *testing.T) {
	in := []byte(strings.Repeat("---\n", 1_000_000))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := openslo.Read(in)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, openslo.ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	if !strings.Contains(err.Error(), "more than 10000 documents") {
		t.Errorf("error %q does not give the limit", err)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d input bytes, %d bytes allocated", len(in), allocated)
	if allocated > 4*uint64(len(in)) {
		t.Errorf("allocated %d bytes for %d input bytes; want at most 4 per byte", allocated, len(in))
	}
}

// TestMaxDocuments: a stream of exactly MaxDocuments documents is read;
// one more is ErrTooLarge, naming the first document past the limit.
func TestMaxDocuments(t *testing.T) {
	svc := func(name string) string {
		return "apiVersion: openslo/v1\nkind: Service\nmetadata: {name: " + name + "}\nspec: {}\n"
	}
	three := "---\n" + svc("a") + "---\n" + svc("b") + "---\n" + svc("c")
	f, err := openslo.Options{MaxDocuments: 3}.Read([]byte(three))
	require.NoError(t, err)
	require.Len(t, f.Services, 3)
	_, err = openslo.Options{MaxDocuments: 2}.Read([]byte(three))
	var e *openslo.Error
	if !errors.As(err, &e) || !errors.Is(err, openslo.ErrTooLarge) || e.Doc != 2 {
		t.Errorf("three documents with MaxDocuments 2: %v, want ErrTooLarge at document 2", err)
	}
}

// TestNilFile: a nil *File, and a nil object in one of its lists, are
// errors of Marshal and Write (ErrInvalid, naming the list and index),
// not panics; a nil *File has no objects to look up.
func TestNilFile(t *testing.T) {
	var nilFile *openslo.File
	if nilFile.SLO("x") != nil || nilFile.SLI("x") != nil || nilFile.AlertPolicy("x") != nil {
		t.Error("a nil *File found an object")
	}
	_, err := openslo.Marshal(nil)
	if !errors.Is(err, openslo.ErrInvalid) {
		t.Errorf("Marshal(nil) = %v, want ErrInvalid", err)
	}
	if err := openslo.Write(&strings.Builder{}, nil); !errors.Is(err, openslo.ErrInvalid) {
		t.Errorf("Write(nil) = %v, want ErrInvalid", err)
	}
	good := &openslo.Service{Metadata: openslo.Metadata{Name: "svc"}}
	for _, tc := range []struct {
		name string
		file *openslo.File
		path string
	}{
		{"SLO", &openslo.File{SLOs: []*openslo.SLO{nil}}, "SLOs[0]"},
		{"Service", &openslo.File{Services: []*openslo.Service{good, nil}}, "Services[1]"},
		{"DataSource", &openslo.File{DataSources: []*openslo.DataSource{nil}}, "DataSources[0]"},
		{"SLI", &openslo.File{SLIs: []*openslo.SLI{nil}}, "SLIs[0]"},
		{"AlertPolicy", &openslo.File{AlertPolicies: []*openslo.AlertPolicy{nil}}, "AlertPolicies[0]"},
		{"AlertCondition", &openslo.File{AlertConditions: []*openslo.AlertCondition{nil}}, "AlertConditions[0]"},
		{"AlertNotificationTarget", &openslo.File{NotificationTargets: []*openslo.AlertNotificationTarget{nil}}, "NotificationTargets[0]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := openslo.Marshal(tc.file)
			if !errors.Is(err, openslo.ErrInvalid) || !strings.Contains(err.Error(), tc.path) {
				t.Errorf("Marshal of a File with a nil %s = %v, want ErrInvalid naming %s", tc.name, err, tc.path)
			}
		})
	}
}

// TestMarshalManyObjects: Marshal checks its output by reading it back;
// a File with more objects than DefaultMaxDocuments still marshals, its
// check reading with a limit that fits, and reads back with a limit
// raised to match.
func TestMarshalManyObjects(t *testing.T) {
	f := &openslo.File{}
	for i := range openslo.DefaultMaxDocuments + 1 {
		f.Services = append(f.Services, &openslo.Service{Metadata: openslo.Metadata{Name: fmt.Sprintf("s%d", i)}})
	}
	out, err := openslo.Marshal(f)
	require.NoError(t, err)
	_, err = openslo.Read(out)
	require.ErrorIs(t, err, openslo.ErrTooLarge)
	back, err := openslo.Options{MaxDocuments: len(f.Services)}.Read(out)
	require.NoError(t, err)
	require.Len(t, back.Services, len(f.Services))
}
