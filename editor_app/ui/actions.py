"""Every command of the window in one table: text, shortcuts, icon, and where it appears.

The menus, the toolbar and Help → Keyboard Shortcuts are all built from
``ACTION_SPECS``, ``MENUS`` and ``TOOLBAR``, so a shortcut is written once and
the help can never disagree with the keys. Icons come from the desktop's icon
theme; where the theme has none, the toolbar shows a short text instead.
The window connects the actions to its slots; nothing here knows the editor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    """Menu text, with the & of its access key."""
    keys: tuple[str | QKeySequence.StandardKey, ...] = ()
    icon: str = ""
    """A freedesktop icon name."""
    short: str = ""
    """What the toolbar shows when the icon theme has no icon."""
    tip: str = ""
    checkable: bool = False


ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new", "&New", (Key.New,), "document-new", "New", "Start a new, empty article"),
    ActionSpec("open", "&Open…", (Key.Open,), "document-open", "Open", "Open an article"),
    ActionSpec("save", "&Save", (Key.Save,), "document-save", "Save", "Save the article"),
    ActionSpec("save_as", "Save &As…", ("Ctrl+Shift+S",), "document-save-as", "Save as"),
    ActionSpec("save_to_library", "Save to &Library", (), "", "", "Add the article to the library"),
    ActionSpec(
        "library_panel",
        "&Library",
        ("Ctrl+Shift+L",),
        "",
        "",
        "Show or hide the library",
        checkable=True,
    ),
    ActionSpec("export", "&Export…", ("Ctrl+Shift+E",), "document-export", "Export"),
    ActionSpec(
        "history",
        "&History…",
        ("Ctrl+Alt+H",),
        "document-open-recent",
        "",
        "Revisions of this article",
    ),
    ActionSpec(
        "stylebook", "&Style Book…", (), "", "", "The newsroom's spellings of names and terms"
    ),
    ActionSpec(
        "recover",
        "Recover &Unsaved Articles…",
        (),
        "document-revert",
        "",
        "Restore articles a crash left unsaved",
    ),
    ActionSpec("quit", "&Quit", (Key.Quit,), "application-exit"),
    ActionSpec("undo", "&Undo", (Key.Undo,), "edit-undo", "Undo", "Undo the last change"),
    ActionSpec("redo", "&Redo", (Key.Redo,), "edit-redo", "Redo", "Redo what was undone"),
    ActionSpec("cut", "Cu&t", (Key.Cut,), "edit-cut", "Cut"),
    ActionSpec("copy", "&Copy", (Key.Copy,), "edit-copy", "Copy"),
    ActionSpec("paste", "&Paste", (Key.Paste,), "edit-paste", "Paste"),
    ActionSpec("copy_html", "Copy as &HTML", ("Ctrl+Alt+C",), "", "", "Copy the body as HTML"),
    ActionSpec("find", "&Find…", (Key.Find,), "edit-find", "Find", "Find in the body"),
    ActionSpec("find_next", "Find &Next", ("F3",), "go-down"),
    ActionSpec("find_previous", "Find Pre&vious", ("Shift+F3",), "go-up"),
    ActionSpec("replace", "&Replace…", ("Ctrl+H",), "edit-find-replace", "Replace"),
    ActionSpec("bold", "&Bold", (Key.Bold,), "format-text-bold", "B", "Bold"),
    ActionSpec("italic", "&Italic", (Key.Italic,), "format-text-italic", "I", "Italic"),
    ActionSpec("inline_code", "Inline &Code", ("Ctrl+`",), "", "</>", "Inline code"),
    ActionSpec("link", "&Link…", ("Ctrl+K",), "insert-link", "Link", "Add or edit a link"),
    ActionSpec("paragraph", "&Paragraph", ("Ctrl+0",), "", "¶", "Plain paragraph"),
    ActionSpec("heading2", "Heading &2", ("Ctrl+2",), "", "H2", "Heading 2"),
    ActionSpec("heading3", "Heading &3", ("Ctrl+3",), "", "H3", "Heading 3"),
    ActionSpec("heading4", "Heading &4", ("Ctrl+4",), "", "H4", "Heading 4"),
    ActionSpec(
        "bulleted_list", "B&ulleted List", ("Ctrl+Shift+8",), "format-list-unordered", "• List"
    ),
    ActionSpec(
        "numbered_list", "&Numbered List", ("Ctrl+Shift+7",), "format-list-ordered", "1. List"
    ),
    ActionSpec(
        "blockquote",
        "Block&quote",
        ("Ctrl+Shift+Q", "Ctrl+'"),
        "format-quote",
        "“ Quote",
        "Blockquote: a quotation set off from the text",
    ),
    ActionSpec(
        "pullquote",
        "P&ull Quote",
        ("Ctrl+Shift+P",),
        "",
        "❝ Pull quote",
        "Pull quote: words from the story, displayed large",
    ),
    ActionSpec(
        "attribution",
        "&Attribution",
        ("Ctrl+Shift+A",),
        "",
        "— Source",
        "Who said the quote: the line below it",
    ),
    ActionSpec("code_block", "Code &Block", ("Ctrl+Shift+K",), "", "{ }", "Code block"),
    ActionSpec("rule", "Horizontal &Rule", ("Ctrl+Shift+H",), "", "―", "Horizontal rule"),
    ActionSpec("zoom_in", "Zoom &In", (Key.ZoomIn, "Ctrl+="), "zoom-in"),
    ActionSpec("zoom_out", "Zoom &Out", (Key.ZoomOut,), "zoom-out"),
    ActionSpec("zoom_reset", "&Actual Size", ("Ctrl+Alt+0",), "zoom-original"),
    ActionSpec(
        "distraction_free",
        "&Distraction-Free Mode",
        ("F11",),
        "view-fullscreen",
        "",
        "Only the text, full screen (Esc or F11 to return)",
        checkable=True,
    ),
    ActionSpec("length_target", "Length &Target…", (), "", "", "Set the length target"),
    ActionSpec(
        "findings_panel",
        "&Findings Panel",
        ("Ctrl+Shift+F",),
        "",
        "",
        "Show or hide the list of findings",
        checkable=True,
    ),
    ActionSpec("next_finding", "&Next Finding", ("F8",), "go-next", "", "Go to the next finding"),
    ActionSpec(
        "previous_finding",
        "&Previous Finding",
        ("Shift+F8",),
        "go-previous",
        "",
        "Go to the previous finding",
    ),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", (Key.HelpContents,), "help-keyboard-shortcuts"),
    ActionSpec("about", "&About Article Editor", (), "help-about"),
)

SEPARATOR = "-"
RECENT_MENU = "@recent"
THEME_MENU = "@theme"
TOOLBAR_TOGGLE = "@toolbar"

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("new", "open", RECENT_MENU, "-", "save", "save_as", "save_to_library", "-",
               "export", "-", "history", "recover",
               "-", "quit")),
    ("&Edit", ("undo", "redo", "-", "cut", "copy", "paste", "copy_html", "-", "find", "find_next",
               "find_previous", "replace")),
    ("F&ormat", ("bold", "italic", "inline_code", "link", "-", "paragraph", "heading2", "heading3",
                 "heading4", "-", "bulleted_list", "numbered_list", "-", "blockquote",
                 "pullquote", "attribution", "-", "code_block", "rule")),
    ("&View", ("zoom_in", "zoom_out", "zoom_reset", "-", "distraction_free", TOOLBAR_TOGGLE,
               "library_panel", "findings_panel", "-", "length_target", THEME_MENU)),
    ("&Tools", ("next_finding", "previous_finding", "-", "stylebook")),
    ("&Help", ("shortcuts", "-", "about")),
)  # fmt: skip
"""Menu title → the actions in it, in order."""

TOOLBAR: tuple[str, ...] = (
    "new", "open", "save", "-", "undo", "redo", "-", "bold", "italic", "link", "-",
    "paragraph", "heading2", "heading3", "bulleted_list", "numbered_list", "-",
    "blockquote", "pullquote", "attribution", "-", "find",
)  # fmt: skip

EDITOR_COMMANDS: tuple[str, ...] = (
    "bold", "italic", "inline_code", "link", "paragraph", "heading2", "heading3", "heading4",
    "bulleted_list", "numbered_list", "blockquote", "pullquote", "attribution", "code_block",
    "rule",
)  # fmt: skip
"""The actions that change the body: enabled only while the body has the keyboard focus."""


WORKSPACE_COMMANDS: tuple[str, ...] = (
    "save_to_library", "library_panel", "findings_panel", "next_finding", "previous_finding",
    "history", "stylebook", "recover",
)  # fmt: skip
"""The actions of the workspace's parts: off until the window has its workspace (each
part then turns off what it cannot serve, such as the library's without a library)."""


def translate(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The spec's keys, a standard key expanded to this platform's bindings."""
    sequences: list[QKeySequence] = []
    for key in spec.keys:
        found = QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
        sequences += [sequence for sequence in found if sequence not in sequences]
    return sequences


class WindowActions(QObject):
    """The window's ``QAction`` objects, by the names in ``ACTION_SPECS``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._actions: dict[str, QAction] = {}
        for spec in ACTION_SPECS:
            action = QAction(translate(spec.text), window)
            action.setObjectName(f"action_{spec.name}")
            action.setShortcuts(key_sequences(spec))
            # Window-wide: the shortcuts work with the menu bar and toolbar hidden too.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            icon = QIcon.fromTheme(spec.icon) if spec.icon else QIcon()
            if not icon.isNull():
                action.setIcon(icon)
            if spec.short:
                action.setIconText(translate(spec.short))
            tip = translate(spec.tip or spec.text.replace("&", "").rstrip("…"))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
            window.addAction(action)
            self._actions[spec.name] = action
        self["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self["about"].setMenuRole(QAction.MenuRole.AboutRole)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __iter__(self) -> Iterator[tuple[str, QAction]]:
        return iter(self._actions.items())

    def set_enabled(self, names: tuple[str, ...], enabled: bool) -> None:
        for name in names:
            self._actions[name].setEnabled(enabled)


def fill_menu_bar(
    menu_bar: QMenuBar, actions: WindowActions, submenus: dict[str, QMenu | QAction]
) -> dict[str, QMenu]:
    """Add ``MENUS`` to ``menu_bar``; ``submenus`` fill the @-placeholders. Returns the menus."""
    menus: dict[str, QMenu] = {}
    for title, entries in MENUS:
        menu = menu_bar.addMenu(translate(title))
        menus[title.replace("&", "")] = menu
        for entry in entries:
            if entry == SEPARATOR:
                menu.addSeparator()
            elif entry.startswith("@"):
                placeholder = submenus.get(entry)
                if isinstance(placeholder, QMenu):
                    menu.addMenu(placeholder)
                elif placeholder is not None:
                    menu.addAction(placeholder)
            else:
                menu.addAction(actions[entry])
    return menus


def build_toolbar(toolbar: QToolBar, actions: WindowActions) -> None:
    toolbar.setObjectName("main_toolbar")  # saveState() needs a name to remember it
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for entry in TOOLBAR:
        if entry == SEPARATOR:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[entry])
    # Without theme icons the text stands in: let "B" and "I" look like what they do.
    for name, style in (("bold", "bold"), ("italic", "italic")):
        button = toolbar.widgetForAction(actions[name])
        if button is not None and actions[name].icon().isNull():
            font = QFont(button.font())
            font.setBold(style == "bold")
            font.setItalic(style == "italic")
            button.setFont(font)


@dataclass(frozen=True)
class ShortcutRow:
    menu: str
    command: str
    keys: str


def shortcut_rows(actions: WindowActions) -> list[ShortcutRow]:
    """Every command that has keys, menu by menu: what Help → Keyboard Shortcuts lists."""
    rows: list[ShortcutRow] = []
    for title, entries in MENUS:
        for name in entries:
            if name == SEPARATOR or name.startswith("@"):
                continue
            action = actions[name]
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            if keys:
                command = action.text().replace("&", "").rstrip("…")
                rows.append(
                    ShortcutRow(translate(title).replace("&", ""), command, ", ".join(keys))
                )
    return rows


EDITING_KEYS: tuple[tuple[str, str], ...] = (
    ("Line break inside a paragraph", "Shift+Enter"),
    ("Leave a heading, quote or list (new paragraph)", "Enter at the end"),
    ("End a list", "Enter in an empty item"),
    ("Next field of the header", "Enter or Tab"),
    ("Close the find bar", "Esc"),
    ("Leave distraction-free mode", "Esc"),
)
"""Keys the editor handles itself (no menu command), listed in the help too."""
