"""The two shapes a hand-written part takes."""
from dataclasses import dataclass, field


@dataclass
class Group:
    """A template family: `count` prompts from `templates` (cycled) with {slots} filled from hand-written lists.
    Its prompts always land on the same side of the train/validation split."""
    name: str
    difficulty: str  # easy | medium | hard
    needs_strong: int  # 1 where a small self-hosted 7B model plausibly falls short
    templates: list
    slots: dict = field(default_factory=dict)
    count: int = 8


@dataclass
class Hand:
    """Prompts written out in full; each is its own split group."""
    name: str
    difficulty: str
    needs_strong: int
    prompts: list
