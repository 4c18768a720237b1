using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace ReefDB.Node.Observability;

/// <summary>
/// Publishes the instruments of given System.Diagnostics.Metrics meters (the transport's and the replica's: one
/// instance each per node) in the node's Prometheus registry under their own names: counters with <c>_total</c>,
/// histograms with buckets suited to their unit (seconds or bytes). Observable instruments are read at each scrape.
/// Histograms are published as soon as their meter announces them, so a scrape shows every family (an empty
/// histogram: count 0) before its first event, as dashboards and alerts expect; histograms must therefore be recorded
/// without tags (the replica's are).
/// </summary>
/// <remarks>
/// Hand-written rather than prometheus-net's <c>MeterAdapter</c>, which prefixes every name with its meter's
/// (<c>reefdb_transport_reefdb_transport_messages_sent</c>), publishes counters as gauges and keeps its instrument
/// table in statics shared by every node of a process. Meters are matched by instance, so several nodes in one
/// process (tests) never see each other's measurements.
/// </remarks>
internal sealed class MeterExport : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly IMetricFactory factory;
    private readonly HashSet<Meter> meters;
    private readonly Action<Instrument, double>? observe;

    /// <param name="observe">Also called with every measurement (slow-operation logs); must be quick.</param>
    public MeterExport(CollectorRegistry registry, IEnumerable<Meter> meters, Action<Instrument, double>? observe = null)
    {
        factory = NodeMetrics.WithoutExemplars(registry);
        this.meters = [.. meters];
        this.observe = observe;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (this.meters.Contains(instrument.Meter))
            {
                var export = new Export(instrument, factory);
                if (instrument is Histogram<double> or Histogram<long>)
                {
                    export.Publish();
                }

                l.EnableMeasurementEvents(instrument, export);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, state) => Record(i, value, tags, state));
        listener.SetMeasurementEventCallback<int>((i, value, tags, state) => Record(i, value, tags, state));
        listener.SetMeasurementEventCallback<double>((i, value, tags, state) => Record(i, value, tags, state));
        listener.Start();
        registry.AddBeforeCollectCallback(listener.RecordObservableInstruments);
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (state is Export export)
        {
            export.Record(value, tags);
            observe?.Invoke(instrument, value);
        }
    }

    /// <summary>One instrument's Prometheus metric, created at its first measurement with that measurement's tag names.</summary>
    private sealed class Export(Instrument instrument, IMetricFactory factory)
    {
        private readonly ConcurrentDictionary<string, string[]> labelNames = new(StringComparer.Ordinal);
        private Collector? metric;

        /// <summary>Creates the metric without labels before any measurement.</summary>
        public void Publish() => Metric([]);

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length == 0)
            {
                Apply(Metric([]), [], value);
                return;
            }

            var sorted = tags.ToArray();
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
            var names = labelNames.GetOrAdd(string.Join(',', sorted.Select(t => t.Key)), _ => [.. sorted.Select(t => t.Key)]);
            Apply(Metric(names), [.. sorted.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)], value);
        }

        private Collector Metric(string[] names) => metric ??= instrument switch
        {
            ObservableCounter<long> or ObservableCounter<int> or Counter<long> or Counter<int> =>
                factory.CreateCounter(instrument.Name + "_total", instrument.Description ?? instrument.Name, names),
            Histogram<double> or Histogram<long> => factory.CreateHistogram(instrument.Name, instrument.Description ?? instrument.Name, names, new HistogramConfiguration
            {
                Buckets = string.Equals(instrument.Unit, "By", StringComparison.Ordinal)
                    ? Histogram.ExponentialBuckets(1024, 4, 12)
                    : Histogram.ExponentialBuckets(0.0001, 2, 18),
            }),
            _ => factory.CreateGauge(instrument.Name, instrument.Description ?? instrument.Name, names),
        };

        private void Apply(Collector collector, string[] labels, double value)
        {
            switch (collector)
            {
                case Counter counter when instrument.IsObservable:
                    (labels.Length == 0 ? (ICounter)counter : counter.WithLabels(labels)).IncTo(value);
                    break;
                case Counter counter:
                    (labels.Length == 0 ? (ICounter)counter : counter.WithLabels(labels)).Inc(value);
                    break;
                case Histogram histogram:
                    (labels.Length == 0 ? (IHistogram)histogram : histogram.WithLabels(labels)).Observe(value);
                    break;
                case Gauge gauge:
                    (labels.Length == 0 ? (IGauge)gauge : gauge.WithLabels(labels)).Set(value);
                    break;
            }
        }
    }
}
