using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>
/// One host on Kestrel and one headless Debian chromium (ARIA_BILLING_CHROMIUM, no browser download) shared by the console's
/// browser tests; each test opens its own context. Screenshots go to <see cref="ScreenshotFolder"/>: ARIA_BILLING_SCREENSHOTS,
/// else <c>artifacts/screenshots</c> at the repository's root (created by the run; .ci/run keeps it as a CI artifact).
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The host.</summary>
    public HostFactory Host { get; } = HostFactory.OnKestrel();

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Where the screenshots are written.</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("ARIA_BILLING_SCREENSHOTS") is { Length: > 0 } given
        ? Path.GetFullPath(given)
        : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("ARIA_BILLING_CHROMIUM") is not { Length: > 0 } chromium)
        {
            return; // the tests skip (RequiresEnvironment)
        }

        Host.StartServer();
        Address = Host.Ops().BaseAddress!;
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await Host.DisposeAsync();
    }

    /// <summary>A new page (its own context, clipboard allowed), signed in as client 1000 with <paramref name="key"/>, on <paramref name="hash"/>.</summary>
    public async Task<IPage> SignedInAsync(string key, string hash)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Permissions = ["clipboard-read", "clipboard-write"], ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = _errors.GetOrAdd(page, _ => []);
        page.PageError += (_, error) => { lock (errors) { errors.Add(error); } };
        page.Console += (_, message) =>
        {
            // A refused call logs "Failed to load resource … 4xx" (the console shows its coded error); anything else is a fault,
            // a blocked inline style or script (CSP) among them.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (errors) { errors.Add(message.Text); }
            }
        };
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(new Uri(Address, $"/operator/?client_no=1000#{hash}").ToString());
        await page.GetByLabel("Auth key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=who]")).ToContainTextAsync("signed in as");
        return page;
    }

    /// <summary>Closes the page's context; the page logged no script error and no content-security-policy violation.</summary>
    public async Task CloseAsync(IPage page)
    {
        await page.Context.CloseAsync();
        Assert.Empty(_errors.TryRemove(page, out var errors) ? errors : []);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPage, List<string>> _errors = new();

    /// <summary>Saves a full-page screenshot named <paramref name="name"/>.png.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    /// <summary>
    /// Every visible input, select and textarea of the page has an accessible name (a label, or aria-label), axe-core finds
    /// no violation on the page (WCAG 2.1 A and AA rules), and Tab from the first control of <paramref name="form"/> reaches
    /// its submit button.
    /// </summary>
    public static async Task AssertFormUsableAsync(IPage page, string form)
    {
        var axe = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.Contains(axe.Passes, p => p.Id == "label"); // the rules ran (a passing "label" rule needs a form control)
        Assert.Empty(axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, select, textarea')].filter(e => e.offsetParent !== null && e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.outerHTML)");
        Assert.Empty(unlabelled);
        await page.Locator($"{form} :is(input, select)").First.FocusAsync();
        for (var i = 0; i < 40; i++)
        {
            if (await page.EvaluateAsync<bool>($"() => document.activeElement === document.querySelector('{form} [type=submit]')"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab does not reach the submit button of {form}.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aria.Billing.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
