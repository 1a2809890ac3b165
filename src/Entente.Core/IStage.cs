namespace Entente.Core;

/// <summary>
/// One step of a pipeline: immutable, thread-safe, created once and reused.
/// Stages compose with <see cref="Stage.Then{TIn,TMid,TOut}"/> so that the compiler checks
/// that each stage receives what the previous one produces.
/// </summary>
public interface IStage<in TIn, out TOut>
{
    string Name { get; }

    TOut Process(TIn input);
}

public static class Stage
{
    public static IStage<TIn, TOut> Then<TIn, TMid, TOut>(this IStage<TIn, TMid> first, IStage<TMid, TOut> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new Composed<TIn, TMid, TOut>(first, second);
    }

    public static IStage<TIn, TOut> From<TIn, TOut>(string name, Func<TIn, TOut> process)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(process);
        return new Lambda<TIn, TOut>(name, process);
    }

    private sealed class Composed<TIn, TMid, TOut>(IStage<TIn, TMid> first, IStage<TMid, TOut> second) : IStage<TIn, TOut>
    {
        public string Name { get; } = first.Name + " > " + second.Name;

        public TOut Process(TIn input) => second.Process(first.Process(input));
    }

    private sealed class Lambda<TIn, TOut>(string name, Func<TIn, TOut> process) : IStage<TIn, TOut>
    {
        public string Name => name;

        public TOut Process(TIn input) => process(input);
    }
}
