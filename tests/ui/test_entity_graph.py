"""The co-occurrence graph: its labels never overlap, and a click on a node opens that entity."""

from itertools import combinations

from PySide6.QtCore import Qt

from briefing.store.entities import EntityPage, list_entities
from briefing.ui.entity_page import CooccurrenceGraph, EntityRole


def assert_apart(rects):
    for a, b in combinations(rects, 2):
        assert not a.intersects(b), (a, b)


def busiest_person(window):
    people = [e for e in list_entities(window.ws) if e["type"] == "person"]
    return max(people, key=lambda e: len({m["source_id"] for m in e["mentions"]}))["id"]


def test_the_busiest_entitys_labels_do_not_overlap(demo_window):
    demo_window.open_entity(busiest_person(demo_window))
    graph = demo_window.entity_dock.graph
    neighbours = [i for i in graph.scene().items() if i.data(EntityRole) is not None]
    assert len(graph.labels) >= 10 and len(neighbours) == 3 * (len(graph.labels) - 1)  # dot, label, backdrop
    assert_apart(graph.label_rects())


def test_thirty_neighbours_with_long_names_are_laid_out_apart(qtbot):
    names = [f"Neighbour {i}" if i % 3 else f"The Very Long Name of Organisation Number {i}" for i in range(30)]
    page = EntityPage(
        1,
        "Centre Person",
        "person",
        (),
        (),
        (),
        tuple((i + 2, name, "organisation", 1 + i % 5) for i, name in enumerate(names)),
    )
    graph = CooccurrenceGraph()
    qtbot.addWidget(graph)
    graph.resize(480, 420)
    graph.show()
    graph.show_page(page)
    assert len(graph.labels) == 31
    assert_apart(graph.label_rects())
    long_label = next(label for label in graph.labels if "Very Long" in label.toolTip())
    assert long_label.text().endswith("…") and "Very Long Name of Organisation Number" in long_label.toolTip()


def test_clicking_a_node_opens_that_entity(demo_window, qtbot):
    demo_window.open_entity(busiest_person(demo_window))
    dock = demo_window.entity_dock
    graph = dock.graph
    label = graph.labels[1]
    target = label.data(EntityRole)
    graph.ensureVisible(label)
    point = graph.mapFromScene(label.sceneBoundingRect().center())
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert dock.entity_id == target
    name = next(e["name"] for e in list_entities(demo_window.ws) if e["id"] == target)
    assert f"<b>{name}</b>" in dock.heading.text()
    dot = next(i for i in graph.scene().items() if i.data(EntityRole) is not None and i not in graph.labels)
    target = dot.data(EntityRole)
    graph.ensureVisible(dot)
    point = graph.mapFromScene(dot.sceneBoundingRect().center())
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert dock.entity_id == target


def test_the_arrow_keys_go_round_the_nodes_and_enter_opens_one(demo_window, qtbot):
    """Tab reached the graph, but no key did anything there: who appears with an entity could
    only be opened with the mouse."""
    demo_window.open_entity(busiest_person(demo_window))
    dock = demo_window.entity_dock
    graph = dock.graph
    first, second, *_, last = [entity_id for _, _, entity_id in graph.nodes]
    graph.setFocus()
    shown = dock.entity_id
    qtbot.keyClick(graph, Qt.Key.Key_Return)  # no node ringed yet: nothing opens
    assert dock.entity_id == shown
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    qtbot.keyClick(graph, Qt.Key.Key_Left)
    qtbot.keyClick(graph, Qt.Key.Key_Left)  # round the circle: the last node
    assert graph.current == len(graph.nodes) - 1
    qtbot.keyClick(graph, Qt.Key.Key_Home)
    qtbot.keyClick(graph, Qt.Key.Key_Down)
    qtbot.keyClick(graph, Qt.Key.Key_Return)
    assert dock.entity_id == second != first != last
