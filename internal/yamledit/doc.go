// Package yamledit edits YAML files the way a person would: it changes the
// bytes of the nodes it is asked to change and leaves every other byte —
// comments, blank lines, quoting, key order, flow or block layout — as it
// was. It is built on the line and column positions that go.yaml.in/yaml/v3
// gives every node and on splicing the source bytes; after each edit the
// file is parsed again, so an edit either yields valid YAML with the new
// value or fails and changes nothing.
//
// It serves the commands that write into clause files an officer also
// edits by hand: setting a translation, taking in a counterpart's tracked
// changes, inserting, deleting and moving units.
//
// Supported: scalars in any style (plain, single- or double-quoted,
// literal and folded blocks), flow and block mappings and sequences, keys
// added to a mapping, items inserted into, deleted from and moved between
// sequences (with the comment lines written directly above an item, which
// travel with it). Anchors, aliases and explicit tags on edited nodes are
// refused.
package yamledit
