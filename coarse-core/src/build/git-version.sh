#!/bin/sh
# Writes the git commit of the source tree this build runs in, for version.properties (coarse-core/pom.xml, profile
# git-commit): git.commit.id.abbrev = the 7-hex HEAD commit, git.dirty = "false" for a clean tree, else the first 7 hex
# digits of a hash of the uncommitted changes (git diff HEAD, and the names and contents of untracked files that are
# not ignored), so that two builds of one commit with different changes have different versions.
# Run with the module directory as the working directory: git finds the repository from there, a clone's or a linked
# worktree's (whose HEAD is its own, not the main worktree's). Without git, or outside a repository, both are empty
# and the build records the Maven version alone.
out="$1"
mkdir -p "$(dirname "$out")"
commit=$(git rev-parse --short=7 HEAD 2>/dev/null) || commit=""
dirty=""
if [ -n "$commit" ]; then
  top=$(git rev-parse --show-toplevel)
  changes=$(cd "$top" && git status --porcelain --untracked-files=normal 2>/dev/null)
  if [ -z "$changes" ]; then
    dirty=false
  else
    dirty=$(cd "$top" && { git diff HEAD --binary; git ls-files -z --others --exclude-standard \
      | xargs -0 -r sh -c 'for f; do printf "%s " "$f"; git hash-object -- "$f"; done' sh; } \
      | git hash-object --stdin | cut -c1-7)
  fi
fi
printf 'git.commit.id.abbrev=%s\ngit.dirty=%s\n' "$commit" "$dirty" > "$out"
