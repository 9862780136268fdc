"""libclang -> IR, plus the host-side sites a backend edits."""
