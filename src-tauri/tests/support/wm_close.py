#!/usr/bin/python3
"""Asks the app's X11 windows to close, as a window manager's close button does
(a WM_DELETE_WINDOW client message). Usage: wm_close.py TITLE PID"""
import sys
from Xlib import X, display, protocol

d = display.Display()
title, pid = sys.argv[1], int(sys.argv[2])
pid_atom = d.intern_atom('_NET_WM_PID')

def windows(w):
    yield w
    for c in w.query_tree().children:
        yield from windows(c)

targets = []
for w in windows(d.screen().root):
    try:
        name = w.get_wm_name()
        prop = w.get_full_property(pid_atom, X.AnyPropertyType)
    except Exception:
        continue
    if name and title in str(name):
        owner = prop.value[0] if prop else None
        print(f"window {w.id:#x} {name!r} pid={owner}", file=sys.stderr)
        if owner in (pid, None):
            targets.append(w)
if not targets:
    sys.exit(f"no window titled {title!r} of process {pid}")
proto, delete = d.intern_atom('WM_PROTOCOLS'), d.intern_atom('WM_DELETE_WINDOW')
for w in targets:
    ev = protocol.event.ClientMessage(window=w, client_type=proto, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    w.send_event(ev, event_mask=X.NoEventMask)
d.flush()
