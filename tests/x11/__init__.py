"""Tests under a real X server (Xvfb) with a window manager (openbox), keys sent by xdotool."""
