"""Developer commands (not part of the `cutrans` command line)."""
