global using Aria.Billing.Invoicing;
global using Aria.Billing.Jobs;
global using Aria.Billing.Plans;
global using Aria.Billing.Plans.Queue;
global using Aria.Billing.Sync;
