"""Campaign pages: short function views that check access, call one domain function, render."""
