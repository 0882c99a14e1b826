"""The findings panel: every finding of the article in one list, grouped by family.

A dock on the right of the window (View → Findings Panel, Ctrl+Shift+F) that
reads the live checks (``window.live_checks``) and never checks anything
itself. Clicking a row (or Enter) selects the finding's text in the article
and gives the keyboard back to the text; F8 and Shift+F8 walk the findings in
reading order from the cursor, wrapping round at the end. The list is rebuilt
once per ``findings_changed`` (later when the dock is closed), keeping which
groups are folded, the selected finding and the scroll position, so a re-check
after every pause in typing never loses the person's place.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QPoint, QSignalBlocker, Qt, SignalInstance
from PySide6.QtGui import QBrush, QFont, QIcon, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.checks.base import Finding, Severity
from editor_app.ui.finding_places import (
    cursor_place,
    is_selected,
    reading_order,
    same_finding,
    step,
    text_field,
)
from editor_app.ui.finding_rows import (
    SEVERITY_FILTERS,
    family_title,
    grouped,
    location_text,
    severity_icon,
    summary_text,
    tooltip_html,
)
from editor_app.ui.theme import blend
from editor_app.ui.window_docks import add_side_panel

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

PANEL_WIDTH = 420
TEXT_COLUMN_WIDTHS = (80, 150)
"""The flagged-text column fits the texts listed, within these bounds (pixels)."""
FINDING_ROLE = Qt.ItemDataRole.UserRole
"""A finding row's index into the panel's shown findings; group rows have none."""
FAMILY_ROLE = Qt.ItemDataRole.UserRole + 1
"""A group row's family ("names"): what is remembered as folded."""
TEXT, MESSAGE, WHERE = range(3)


class FindingsSource(Protocol):
    """What the panel needs of the live checks (``editor_app.ui.live_checks.LiveChecks``)."""

    @property
    def findings_changed(self) -> SignalInstance: ...

    def findings(self) -> tuple[Finding, ...]: ...

    def is_checking(self) -> bool: ...

    def go_to(self, finding: Finding) -> bool: ...

    def apply(self, finding: Finding, replacement: str) -> bool: ...

    def fix_all(self, rule_id: str) -> int: ...

    def ignore(self, finding: Finding, *, here: bool) -> None: ...


class FindingsPanel(QDockWidget):
    """The list of findings, the severity filter, and the commands on a finding."""

    def __init__(self, live: FindingsSource, window: MainWindow) -> None:
        super().__init__(window)
        self._live = live
        self._window = window
        self._shown: tuple[Finding, ...] = ()
        self._hidden = 0
        self._collapsed: set[str] = set()
        self._current: Finding | None = None
        self._listed: tuple[Finding, ...] = ()
        """The findings the rows stand for (``_shown`` when the list is up to date)."""
        self._items: list[QTreeWidgetItem] = []
        self._stale = False
        self._icons: dict[Severity, QIcon] = {}
        self.setObjectName("findingsPanel")
        self.setWindowTitle(self.tr("Findings"))
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.severity_filter = QComboBox()
        self.severity_filter.setObjectName("severityFilter")
        self.severity_filter.setToolTip(self.tr("Which findings to list"))
        for text, _severities in SEVERITY_FILTERS:
            self.severity_filter.addItem(self.tr(text))
        self.fix_all_button = QPushButton(self.tr("Fix All Like This"))
        self.fix_all_button.setObjectName("fixAllButton")
        self.fix_all_button.setToolTip(
            self.tr("Give every finding of the selected one's rule its first suggestion")
        )
        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.detail = QLabel()
        """The selected finding in full: a row has room for the start of its message only."""
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build()
        live.findings_changed.connect(self.refresh)
        self.severity_filter.currentIndexChanged.connect(self.refresh)
        self.fix_all_button.clicked.connect(self._fix_all_selected)
        self.tree.itemClicked.connect(self._activate)
        self.tree.itemActivated.connect(self._activate)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemExpanded.connect(lambda item: self._collapsed.discard(_family_of(item)))
        self.tree.itemCollapsed.connect(lambda item: self._collapsed.add(_family_of(item)))
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        # Another article: its first check has started ("Checking…", not "No findings").
        window.article_shown.connect(self._update_summary)
        self.refresh()

    def _build(self) -> None:
        tree = self.tree
        tree.setColumnCount(3)
        tree.setHeaderLabels([self.tr("Text"), self.tr("Message"), self.tr("Where")])
        tree.setUniformRowHeights(True)  # fast with a thousand rows
        tree.setIndentation(14)
        tree.setAllColumnsShowFocus(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHERE, QHeaderView.ResizeMode.Interactive)
        metrics = tree.fontMetrics()
        tree.setColumnWidth(WHERE, metrics.horizontalAdvance("Standfirst") + 24)
        self.summary.setContentsMargins(2, 0, 2, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.severity_filter)
        bar.addStretch(1)
        bar.addWidget(self.fix_all_button)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        self.setWidget(content)

    # -- what is listed -----------------------------------------------------------------------

    def shown_findings(self) -> tuple[Finding, ...]:
        """The findings the filter lets through, in reading order: what F8 walks."""
        return self._shown

    def selected_finding(self) -> Finding | None:
        return self._finding_of(self.tree.currentItem())

    def refresh(self) -> None:
        """Read the findings again; the list itself waits while the dock is closed."""
        severities = SEVERITY_FILTERS[max(self.severity_filter.currentIndex(), 0)][1]
        everything = self._live.findings()
        self._shown = tuple(reading_order([f for f in everything if f.severity in severities]))
        self._current = same_finding(self._current, self._shown)
        self._hidden = len(everything) - len(self._shown)
        self._update_summary()
        if self.isHidden():
            self._stale = True
        elif self._shown == self._listed and not self._stale:
            self._listed = self._shown  # equal findings (typing elsewhere) keep their rows
        else:
            self._fill_tree()

    def _update_summary(self) -> None:
        self.summary.setText(summary_text(self._shown, self._hidden, self._live.is_checking()))

    def _fill_tree(self) -> None:
        self._stale = False
        tree = self.tree
        selected = self.selected_finding()
        self._listed = self._shown
        scrolled = tree.verticalScrollBar().value()
        index = {id(finding): number for number, finding in enumerate(self._shown)}
        palette = self.palette()
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        secondary = QBrush(blend(text, base, 0.4))
        bold = QFont(tree.font())
        bold.setBold(True)
        with QSignalBlocker(tree):
            tree.setUpdatesEnabled(False)
            tree.clear()
            self._items = [
                self._row(finding, number, secondary) for number, finding in enumerate(self._shown)
            ]
            for family, findings in grouped(self._shown):
                title = family_title(family)
                group = QTreeWidgetItem(tree, [f"{title} ({len(findings)})"])
                group.setData(TEXT, FAMILY_ROLE, family)
                group.setFont(TEXT, bold)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.addChildren([self._items[index[id(finding)]] for finding in findings])
                group.setExpanded(family not in self._collapsed)
            kept = same_finding(selected, self._shown)
            if kept is not None:
                self._select_item(self._item_of(kept), scroll=False)
            tree.setColumnWidth(TEXT, self._text_column_width())
            tree.setUpdatesEnabled(True)
        tree.verticalScrollBar().setValue(scrolled)
        self._update_buttons()

    def _text_column_width(self) -> int:
        metrics = self.tree.fontMetrics()
        widest = max((metrics.horizontalAdvance(f.text) for f in self._shown[:200]), default=0)
        least, most = TEXT_COLUMN_WIDTHS
        return min(max(widest + self.tree.iconSize().width() + 40, least), most)

    def _row(self, finding: Finding, number: int, secondary: QBrush) -> QTreeWidgetItem:
        item = FindingItem(finding, [finding.text, finding.message, location_text(finding)])
        item.setData(TEXT, FINDING_ROLE, number)
        item.setIcon(TEXT, self._icon(finding.severity))
        item.setForeground(WHERE, secondary)
        return item

    def _icon(self, severity: Severity) -> QIcon:
        if severity not in self._icons:
            self._icons[severity] = severity_icon(severity, self.palette())
        return self._icons[severity]

    def _finding_of(self, item: QTreeWidgetItem | None) -> Finding | None:
        number = item.data(TEXT, FINDING_ROLE) if item is not None else None
        return self._listed[number] if isinstance(number, int) else None

    def _item_of(self, finding: Finding) -> QTreeWidgetItem | None:
        found = [number for number, listed in enumerate(self._listed) if listed is finding]
        return self._items[found[0]] if found and found[0] < len(self._items) else None

    def select_finding(self, finding: Finding) -> bool:
        """Show ``finding`` selected in the list (without going to it); False when not listed."""
        if self._stale:
            self._fill_tree()
        item = self._item_of(finding)
        if item is not None:
            with QSignalBlocker(self.tree):
                self._select_item(item, scroll=True)
            self._update_buttons()
        return item is not None

    def _select_item(self, item: QTreeWidgetItem | None, *, scroll: bool) -> None:
        if item is None:
            return
        self.tree.setCurrentItem(item)
        item.setSelected(True)
        if scroll:
            self.tree.scrollToItem(item)

    # -- commands -------------------------------------------------------------------------------

    def go_to(self, finding: Finding) -> bool:
        """Select the finding's text in the article and give that text the keyboard."""
        self._current = finding
        if not self._live.go_to(finding):
            self._window.show_notice(self.tr("The text there has changed since it was checked."))
            return False
        text_field(self._window, finding.range.ref).setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def go_to_next(self) -> Finding | None:
        """F8: the first finding after the cursor, wrapping round to the first."""
        return self._step(forward=True)

    def go_to_previous(self) -> Finding | None:
        """Shift+F8: the last finding before the cursor, wrapping round to the last."""
        return self._step(forward=False)

    def _step(self, *, forward: bool) -> Finding | None:
        shown = self._shown
        here, inclusive = cursor_place(self._window)
        current = self._current
        selected = current is not None and current in shown and is_selected(self._window, current)
        at_current = shown.index(current) if selected and current is not None else None
        choice = step(shown, here, forward=forward, at_current=at_current, inclusive=inclusive)
        if choice is None:
            self._window.show_notice(self.tr("No findings"))
            return None
        finding, wrapped = shown[choice[0]], choice[1]
        self.select_finding(finding)
        if self.go_to(finding) and wrapped:
            first = self.tr("Wrapped to the first finding")
            self._window.show_notice(first if forward else self.tr("Wrapped to the last finding"))
        return finding

    def fix_all_like(self, finding: Finding) -> int:
        """Every finding of ``finding``'s rule gets its first suggestion, as one undo step."""
        fixed = self._live.fix_all(finding.rule_id)
        if fixed:
            notice = self.tr("Fixed {count} × {rule}").format(count=fixed, rule=finding.rule_id)
        else:
            notice = self.tr("Nothing to fix for {rule}").format(rule=finding.rule_id)
        self._window.show_notice(notice)
        return fixed

    def ignore(self, finding: Finding, *, here: bool) -> None:
        self._live.ignore(finding, here=here)
        where = self.tr("here") if here else self.tr("in this article")
        notice = self.tr("Ignoring “{text}” {where}").format(text=finding.text, where=where)
        self._window.show_notice(notice)

    def context_menu(self, finding: Finding) -> QMenu:
        """The row's menu: go there, replace, fix all like this, ignore."""
        menu = QMenu(self)
        go = menu.addAction(self.tr("Go To"), lambda: self.go_to(finding))
        menu.setDefaultAction(go)
        for suggestion in finding.suggestions[:3]:
            menu.addAction(
                self.tr("Replace with “{text}”").format(text=suggestion),
                partial(self._live.apply, finding, suggestion),
            )
        fix = menu.addAction(self.tr("Fix All Like This"), lambda: self.fix_all_like(finding))
        fix.setEnabled(bool(finding.suggestions))
        menu.addSeparator()
        menu.addAction(self.tr("Ignore Here"), lambda: self.ignore(finding, here=True))
        menu.addAction(self.tr("Ignore in This Article"), lambda: self.ignore(finding, here=False))
        return menu

    def _show_context_menu(self, point: QPoint) -> None:
        finding = self._finding_of(self.tree.itemAt(point))
        if finding is not None:
            menu = self.context_menu(finding)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.tree.viewport().mapToGlobal(point))

    def _activate(self, item: QTreeWidgetItem) -> None:
        finding = self._finding_of(item)
        if finding is not None:
            self.go_to(finding)

    def _fix_all_selected(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.fix_all_like(finding)

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        self.fix_all_button.setEnabled(finding is not None and bool(finding.suggestions))
        self.detail.setText(tooltip_html(finding) if finding is not None else "")
        self.detail.setVisible(finding is not None)

    # -- Qt --------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self._fill_tree()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            self._icons.clear()  # the dots and the grey follow the theme
            if self.tree.topLevelItemCount():
                self._fill_tree()
        super().changeEvent(event)


def _family_of(item: QTreeWidgetItem) -> str:
    return str(item.data(TEXT, FAMILY_ROLE))


def attach_findings_panel(window: MainWindow) -> FindingsPanel | None:
    """The panel in the window's right dock area, wired to View → Findings Panel and F8; no
    panel (and the commands off) when the window has no live checks (no workspace)."""
    toggle, forward, back = (
        window.commands[name] for name in ("findings_panel", "next_finding", "previous_finding")
    )
    live = window.live_checks
    if live is None:
        for action in (toggle, forward, back):
            action.setEnabled(False)
        return None
    panel = FindingsPanel(live, window)
    add_side_panel(window, panel, Qt.DockWidgetArea.RightDockWidgetArea, PANEL_WIDTH, toggle)
    forward.triggered.connect(lambda _checked=False: panel.go_to_next())
    back.triggered.connect(lambda _checked=False: panel.go_to_previous())
    return panel


class FindingItem(QTreeWidgetItem):
    """A finding's row; its tooltip is written when asked for, not for every row of a
    long list each time the findings change."""

    def __init__(self, finding: Finding, texts: list[str]) -> None:
        super().__init__(texts)
        self._finding = finding

    def data(self, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(self._finding)
        return super().data(column, role)
