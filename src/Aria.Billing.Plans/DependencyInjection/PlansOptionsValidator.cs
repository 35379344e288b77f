using System.Globalization;
using Microsoft.Extensions.Options;

namespace Aria.Billing.Plans.DependencyInjection;

/// <summary>Checks <see cref="PlansOptions"/>; each failure names the bad value.</summary>
internal sealed class PlansOptionsValidator : IValidateOptions<PlansOptions>
{
    public ValidateOptionsResult Validate(string? name, PlansOptions options)
    {
        if (options.DefaultAssignmentDirective is < 1 or > 11)
        {
            return ValidateOptionsResult.Fail(
                $"AriaBilling:Plans:DefaultAssignmentDirective '{options.DefaultAssignmentDirective.ToString(CultureInfo.InvariantCulture)}' is not an assignment directive; use 1 to 11.");
        }

        return ValidateOptionsResult.Success;
    }
}
