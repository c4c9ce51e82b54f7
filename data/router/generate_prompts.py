#!/usr/bin/env python3
"""Writes data/router/prompts.jsonl, the router's labelled training data, from the hand-written parts in parts/.

Every prompt here was written by the HybridLlm team: either verbatim (Hand) or as a template whose slots are
filled from hand-written lists (Group), sampled with a fixed seed. Nothing comes from public benchmarks
(MMLU, GSM8K, MT-Bench, Chatbot Arena): those are kept for evaluating the router from outside.

Split: prompts from one template never straddle the split (templates are near-duplicates by construction).
Per task, groups are taken in SHA-256 order of their name and moved to validation while that keeps the task's
validation share at or under 20 %. The split is written into each line, so training never recomputes it.

    python3 data/router/generate_prompts.py            # rewrites prompts.jsonl, prints a summary
    python3 data/router/generate_prompts.py --check    # also fails on near-duplicates across the split
"""
import argparse
import hashlib
import itertools
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.dont_write_bytecode = True  # keep parts/ free of __pycache__
sys.path.insert(0, str(Path(__file__).parent))
from parts.common import Group, Hand  # noqa: E402
from parts import (brainstorming, chat, classification, closed_qa, code, creative_writing,  # noqa: E402
                   extraction, math, multi_step_reasoning, open_qa, rewrite, summarisation)

SEED = 20260501
VALIDATION_SHARE = 0.20
MODULES = [classification, extraction, summarisation, rewrite, closed_qa, open_qa, chat, brainstorming,
           creative_writing, code, math, multi_step_reasoning]
TASKS = ["classification", "extraction", "summarisation", "rewrite", "closed_qa", "open_qa", "chat",
         "brainstorming", "creative_writing", "code", "math", "multi_step_reasoning"]


def expand(group, rng):
    """`count` distinct fillings of a template group, cycling through its phrasings. A first pass only takes
    combinations whose slot values are all still unused, so a group's prompts differ in every slot they show."""
    names = sorted(set(re.findall(r"{(\w+)}", " ".join(group.templates))))
    combos = list(itertools.product(*[range(len(group.slots[n])) for n in names]))
    rng.shuffle(combos)
    out, seen, used = [], set(), defaultdict(set)
    for fresh_only in (True, False):
        for combo in combos:
            if len(out) == group.count:
                break
            template = group.templates[len(out) % len(group.templates)]
            shown = set(re.findall(r"{(\w+)}", template))
            if fresh_only and any(i in used[n] for n, i in zip(names, combo) if n in shown):
                continue
            text = template.format(**{n: group.slots[n][i] for n, i in zip(names, combo)})
            if text in seen:
                continue
            seen.add(text)
            out.append(text)
            for n, i in zip(names, combo):
                if n in shown:
                    used[n].add(i)
    if len(out) < group.count:
        sys.exit(f"{group.name}: only {len(out)} distinct prompts for count {group.count}")
    return out


def build():
    rng = random.Random(SEED)
    groups = []  # (task, group name, difficulty, needs_strong, [prompts])
    for module in MODULES:
        task = module.TASK
        for item in module.ITEMS:
            if isinstance(item, Group):
                groups.append((task, f"{task}/{item.name}", item.difficulty, item.needs_strong, expand(item, rng)))
            elif isinstance(item, Hand):
                for i, prompt in enumerate(item.prompts):
                    groups.append((task, f"{task}/{item.name}-{i + 1:02d}", item.difficulty, item.needs_strong, [prompt.strip()]))
            else:
                raise TypeError(item)

    rows, split_of = [], {}
    for task in TASKS:
        task_groups = sorted((g for g in groups if g[0] == task), key=lambda g: hashlib.sha256(g[1].encode()).hexdigest())
        total = sum(len(g[4]) for g in task_groups)
        in_validation = 0
        for g in task_groups:
            if in_validation + len(g[4]) <= VALIDATION_SHARE * total:
                split_of[g[1]] = "validation"
                in_validation += len(g[4])
            else:
                split_of[g[1]] = "train"
        for g in task_groups:
            for j, prompt in enumerate(g[4]):
                rows.append({
                    "id": hashlib.sha256(f"{g[1]}#{j}".encode()).hexdigest()[:12],
                    "prompt": prompt,
                    "task": task,
                    "needs_strong": g[3],
                    "difficulty": g[2],
                    "split": split_of[g[1]],
                    "group": g[1],
                })
    rows.sort(key=lambda r: r["id"])
    return rows


def shingles(text):
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def near_duplicates(rows, threshold=0.5):
    train = [(r, shingles(r["prompt"])) for r in rows if r["split"] == "train"]
    found = []
    for r in rows:
        if r["split"] != "validation":
            continue
        s = shingles(r["prompt"])
        for t, ts in train:
            j = len(s & ts) / max(1, len(s | ts))
            if j >= threshold:
                found.append((j, r["group"], t["group"]))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="fail on near-duplicates across the split")
    parser.add_argument("--output", default=str(Path(__file__).parent / "prompts.jsonl"))
    args = parser.parse_args()

    rows = build()
    prompts = Counter(r["prompt"] for r in rows)
    duplicates = [p for p, c in prompts.items() if c > 1]
    if duplicates:
        sys.exit(f"{len(duplicates)} duplicate prompts, e.g. {duplicates[0][:80]!r}")

    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    by_task = Counter((r["task"], r["split"]) for r in rows)
    strong = Counter((r["task"], r["needs_strong"]) for r in rows)
    difficulty = Counter(r["difficulty"] for r in rows)
    print(f"{len(rows)} prompts -> {args.output}")
    for task in TASKS:
        print(f"  {task:22} train {by_task[(task, 'train')]:4}  validation {by_task[(task, 'validation')]:3}"
              f"  needs_strong {strong[(task, 1)]:3}/{strong[(task, 0)] + strong[(task, 1)]}")
    print(f"  difficulty: {dict(sorted(difficulty.items()))}; needs_strong: {sum(r['needs_strong'] for r in rows)}")
    if args.check:
        found = near_duplicates(rows)
        for j, a, b in sorted(found, reverse=True)[:20]:
            print(f"  near-duplicate {j:.2f}: {a} ~ {b}")
        if found:
            sys.exit(f"{len(found)} near-duplicate pairs across the split")
        print("  no near-duplicates across the split (word-trigram Jaccard < 0.5)")


if __name__ == "__main__":
    main()
