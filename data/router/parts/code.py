"""Code: write, explain, review or fix program code."""
from .common import Group, Hand

TASK = "code"

ITEMS = [
    Group("small-function", "easy", 0, [
        "Write a {language} function that {does}.",
        "How do I {does_short} in {language}?",
        "Quick {language} snippet to {does_short}, please.",
    ], {"language": ["Python", "JavaScript", "C#", "Go", "Java", "TypeScript", "Ruby", "Rust"], "does": [
        "reverses a string", "checks whether a number is prime", "counts the vowels in a sentence",
        "removes duplicates from a list", "converts Celsius to Fahrenheit", "returns the largest number in an array",
        "checks if a word is a palindrome", "capitalises the first letter of every word",
    ], "does_short": [
        "read a text file line by line", "get today's date as YYYY-MM-DD", "sort a list of dictionaries by a key",
        "make an HTTP GET request", "generate a random number between 1 and 10", "split a string by commas",
        "parse a JSON string", "sum the numbers in a list",
    ]}, 14),
    Group("sql-basic", "easy", 0, [
        "Write a SQL query that {query}.",
        "SQL: {query}. Table is `{table}`.",
    ], {"query": [
        "returns all customers from Germany", "counts orders per month in 2024", "finds the 5 most expensive products",
        "lists employees hired after 2020 sorted by name", "deletes rows where email is null",
        "gets the average salary per department",
    ], "table": ["customers", "orders", "products", "employees"]}, 8),
    Group("explain-snippet", "easy", 0, [
        "What does this code do?\n```{lang}\n{snippet}\n```",
        "Explain this line by line:\n```{lang}\n{snippet}\n```",
    ], {"lang": ["python", "js"], "snippet": [
        "nums = [x * x for x in range(10) if x % 2 == 0]",
        "const total = items.reduce((sum, i) => sum + i.price * i.qty, 0);",
        "with open('log.txt') as f:\n    errors = [l for l in f if 'ERROR' in l]",
        "setTimeout(() => console.log('done'), 1000);",
        "d = {k: v for k, v in pairs if v is not None}",
        "const unique = [...new Set(tags)];",
    ]}, 7),
    Group("bug-fix", "medium", 0, [
        "This {language} code throws {error}. Why, and how do I fix it?\n```\n{code}\n```",
        "Fix the bug:\n```\n{code}\n```\nIt fails with {error}.",
    ], {"language": ["Python", "JavaScript"], "error": [
        "an IndexError", "TypeError: undefined is not a function", "a KeyError", "an infinite loop",
        "'NoneType' object is not subscriptable",
    ], "code": [
        "def last(items):\n    return items[len(items)]",
        "for i in range(10):\n    while i < 5:\n        print(i)",
        "user = users.get(id)\nprint(user['name'])",
        "data.forEach(item => { total += item.amount });\nconsole.log(totla);",
        "def avg(xs):\n    return sum(xs) / len(xs)\navg([])",
        "counts = {}\nfor w in words:\n    counts[w] += 1",
    ]}, 8),
    Group("web-task", "medium", 0, [
        "Write a {framework} endpoint that {does}. Include input validation.",
        "Show me how to {does} with {framework}.",
    ], {"framework": ["ASP.NET Core minimal API", "Express", "FastAPI", "Spring Boot", "Flask"], "does": [
        "accepts a JSON todo item and stores it in memory", "returns a paginated list of products",
        "uploads an image and returns its size", "returns 404 when a user id is unknown",
        "exposes a health check at /health", "rate limits a login route to 5 requests per minute",
    ]}, 9),
    Group("hard-systems", "hard", 1, [
        "Implement {system} in {language}. Requirements: {requirements}. Include unit tests that cover the edge cases "
        "and explain the complexity of each operation.",
        "Design and write {system} in {language}: {requirements}. Explain the concurrency guarantees and show a test that "
        "would fail on a naive implementation.",
    ], {"system": [
        "a thread-safe LRU cache with per-entry TTL", "a token-bucket rate limiter shared across processes via Redis",
        "an interval tree supporting insert, delete and overlap queries", "a write-ahead log with crash recovery",
        "a consistent-hashing ring with virtual nodes and rebalancing", "a lock-free single-producer single-consumer queue",
        "a retry scheduler with exponential backoff, jitter and a circuit breaker",
    ], "language": ["C#", "Go", "Rust", "Java", "C++"], "requirements": [
        "O(1) get and put, lazy expiry, bounded memory, no global lock on reads",
        "correct under concurrent access, deterministic tests using an injected clock, no busy waiting",
        "must handle clock skew and process restarts without losing state",
        "generic over key and value types, with metrics hooks and cancellation support",
    ]}, 10),
    Group("hard-algorithms", "hard", 1, [
        "Solve this in {language} with an optimal algorithm and prove its complexity: {problem}",
        "Write an efficient {language} solution for the following, explain why it is correct, and handle the worst-case "
        "inputs: {problem}",
    ], {"language": ["Python", "C++", "Java", "Go"], "problem": [
        "given a stream of stock prices, after each price output the maximum profit achievable with at most two "
        "non-overlapping buy/sell transactions seen so far",
        "given a grid with walls and keys/doors (up to 6 key types), find the shortest path collecting all keys",
        "count the number of distinct substrings of a string of length up to 200,000",
        "schedule n jobs with deadlines and profits on one machine to maximise profit, n up to 10^5",
        "find the minimum number of meeting rooms and the actual room assignment for 10^6 intervals",
        "given a weighted directed graph with negative edges but no negative cycles, compute all-pairs shortest paths "
        "faster than Floyd–Warshall for sparse graphs",
    ]}, 8),
    Hand("quick-code", "easy", 0, [
        "How do I print 'Hello, world' in Python?",
        "What's the difference between `let` and `const` in JavaScript?",
        "Write a regex that matches a 5-digit US zip code.",
        "How do I undo my last git commit but keep the changes?",
        "Bash one-liner to count lines in all .txt files in a folder?",
        "Convert this list to a set in Python: [1, 2, 2, 3]",
        "In C#, how do I check if a string is null or empty?",
        "How do I center a div horizontally with CSS?",
        "Write a Python loop that prints the numbers 1 to 10.",
        "What does `git stash` do?",
        "How do I install a package with npm?",
        "Write a SQL statement to add a column `created_at` to the table `users`.",
        "How do I get the length of an array in Java?",
        "What's a null pointer exception?",
    ]),
    Hand("medium-code", "medium", 0, [
        "Refactor this to be more readable:\n```python\ndef f(l):\n    r=[]\n    for i in l:\n        if i%2==0:\n            "
        "r.append(i*i)\n    return r\n```",
        "Write unit tests with xUnit for a method `decimal ApplyDiscount(decimal price, int percent)` that rejects percent "
        "outside 0..100.",
        "Write a Dockerfile for a Node.js 20 app that runs `npm start` and listens on port 3000.",
        "Write a Python script that reads a CSV of transactions and prints the total per category.",
        "Convert this callback-style JS to async/await:\n```js\nfs.readFile('a.txt', (err, data) => {\n  if (err) return "
        "cb(err);\n  parse(data, (err2, obj) => cb(err2, obj));\n});\n```",
        "Write a GitHub Actions workflow that runs `dotnet test` on every pull request.",
        "Explain the difference between a process and a thread, with a small Python example of each.",
        "Write a React component that shows a list of items with a search box that filters them.",
        "Why is my Python dict comprehension slower than a loop here? `{k: f(k) for k in keys if f(k) > 0}`",
        "Write a bash script that backs up a folder to a dated .tar.gz and deletes backups older than 7 days.",
    ]),
    Hand("hard-code", "hard", 1, [
        "Here's our order service (about 300 lines, pasted below in summary). It has a race condition where two "
        "concurrent requests can both reserve the last item. Redesign it so reservation is correct under concurrency "
        "across multiple service instances backed by Postgres, without serialising all orders. Show the SQL, the "
        "transaction isolation you need and why, and a test that reproduces the original bug.\n```csharp\npublic async "
        "Task<bool> Reserve(int sku) {\n  var stock = await db.Stock.FindAsync(sku);\n  if (stock.Count == 0) return false;"
        "\n  stock.Count--;\n  await db.SaveChangesAsync();\n  return true;\n}\n```",
        "Write a parser and evaluator in TypeScript for a small expression language with integers, variables, +, -, *, /, "
        "parentheses, unary minus, function calls like max(a, b) and let-bindings (`let x = 3 in x * 2`). Produce good "
        "error messages with line and column, and include tests for precedence and associativity.",
        "Our Python data pipeline takes 6 hours on a 40 GB CSV. Profile output says 70% of time is in pandas `apply` with a "
        "row-wise function that parses dates and looks up a dict. Rewrite the hot path to be vectorised or streaming, keep "
        "memory under 8 GB, keep the output byte-identical, and explain how you'd verify that.",
        "Implement a minimal Raft leader election (no log replication) in Go with randomised election timeouts, term "
        "handling, and vote persistence. Include a simulated network test harness that can partition nodes and assert "
        "that at most one leader exists per term.",
        "Migrate this Express REST API to GraphQL without breaking existing REST clients: both must share the same "
        "authorization rules and data loaders, avoid N+1 queries, and support cursor pagination. Show the schema, the "
        "resolvers for users→orders→items, and the dataloader setup.",
        "Write a CUDA kernel for a tiled matrix multiplication of two 4096x4096 float matrices, explain how the tile size "
        "interacts with shared memory and occupancy, and compare its expected throughput with cuBLAS.",
    ]),
]

ITEMS += [
    Group("design-review", "hard", 1, [
        "Review this design and find the flaws before we build it: {design} Consider failure modes, data consistency, "
        "scaling limits and security; propose a corrected design with code for the critical part.",
    ], {"design": [
        "Our payment webhook handler writes the order as paid, then calls the shipping API, then acknowledges the webhook; "
        "on any exception it returns 500 so the provider retries.",
        "We cache user permissions in each API pod's memory for 10 minutes and invalidate by broadcasting a message on "
        "Redis pub/sub when an admin changes roles.",
        "To generate invoice numbers we read MAX(number) from the invoices table and insert MAX+1 in the same request.",
        "Our mobile app stores the refresh token in local storage and the backend accepts any refresh token that hasn't "
        "expired, for 90 days.",
        "We shard users across 4 Postgres databases by user_id % 4 and plan to go to 8 shards next year.",
        "A cron job on one VM scans the whole orders table every minute to send reminder emails for unpaid orders.",
    ]}, 6),
    Hand("more-medium-code", "medium", 0, [
        "Write a Python function that validates an IBAN's check digits and returns True/False.",
        "Write a C# extension method that splits an IEnumerable<T> into batches of a given size.",
        "How do I debounce a search input in vanilla JavaScript? Show the code.",
        "Write a SQL query that finds customers who ordered in 2023 but not in 2024.",
        "Write a Go HTTP middleware that logs method, path, status code and duration.",
        "Explain what this regex does and give two matching strings: ^(?=.*\\d)(?=.*[a-z]).{8,}$",
    ]),
]
