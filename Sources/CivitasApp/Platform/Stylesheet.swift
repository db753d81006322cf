/// The site's one stylesheet, compiled into the binary so a single file runs the site.
enum Stylesheet {
    static let css = """
    :root { --ink: #1d2433; --muted: #5a6478; --line: #d8dde6; --accent: #1f5fbf; --bg: #fbfcfd; --warn: #9b1c1c; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f2b705; outline-offset: 1px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
    header nav { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 10px 20px; border-bottom: 1px solid var(--line); background: #fff; }
    header nav ul { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; margin: 0; padding: 0; flex: 1; }
    .brand { font-weight: 700; text-decoration: none; color: var(--ink); margin-right: 12px; }
    .account button, button, .button { font: inherit; padding: 6px 12px; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; text-decoration: none; }
    button.secondary { background: #fff; color: var(--accent); }
    main { max-width: 960px; margin: 0 auto; padding: 20px; }
    footer { max-width: 960px; margin: 40px auto; padding: 0 20px; color: var(--muted); font-size: 14px; }
    h1 { font-size: 1.8rem; margin: 0.5rem 0; } .subtitle { color: var(--muted); margin-top: 0; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } dt { font-weight: 600; } dd { margin: 0; }
    .meta { color: var(--muted); font-size: 14px; }
    .tag { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e8eef8; font-size: 13px; margin-right: 4px; }
    .pager { display: flex; gap: 16px; margin: 16px 0; }
    form.stacked label { display: block; font-weight: 600; margin-top: 12px; }
    form.stacked input[type=text], form.stacked input[type=email], form.stacked input[type=password], form.stacked input[type=url], form.stacked select, form.stacked textarea { width: 100%; padding: 6px; font: inherit; border: 1px solid #9aa3b2; border-radius: 4px; }
    form.stacked textarea { min-height: 6rem; }
    .help { color: var(--muted); font-size: 13px; display: block; font-weight: 400; }
    .error, .field-error { color: var(--warn); } .notice { background: #eef7ee; border: 1px solid #b7dbb7; padding: 8px 12px; border-radius: 4px; }
    .alert { background: #fdeeee; border: 1px solid #f0b4b4; padding: 8px 12px; border-radius: 4px; }
    .inline { display: inline; } .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; padding: 0; list-style: none; }
    .cards li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
    .search { display: flex; gap: 8px; margin: 12px 0; } .search input { flex: 1; padding: 6px; font: inherit; }
    .site-search { display: flex; gap: 6px; } .site-search input { padding: 5px; font: inherit; width: 12rem; max-width: 100%; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .results { list-style: none; padding: 0; } .results li { margin: 0 0 16px; } .results mark { background: #fff1a8; color: inherit; }
    .facets { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 8px 20px; margin: 12px 0; }
    .facets fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 6px 10px; margin: 0; min-width: 0; }
    .facets label { display: block; font-size: 14px; }
    code.token { background: #fff7d6; padding: 4px 8px; word-break: break-all; }
    .search { flex-wrap: wrap; } .search > div { min-width: 0; } select, input, textarea { max-width: 100%; }
    dl { grid-template-columns: max-content minmax(0, 1fr); } dd, td, th, li, p { overflow-wrap: break-word; }
    /* A phone: labels above their values, and tables scroll inside themselves, never the page. */
    @media (max-width: 600px) {
      main { padding: 12px; } header nav { padding: 8px 12px; }
      dl { grid-template-columns: minmax(0, 1fr); } dt { margin-top: 6px; }
      table { display: block; overflow-x: auto; }
      .search > div, .search select { flex: 1 1 100%; }
    }
    """
}
