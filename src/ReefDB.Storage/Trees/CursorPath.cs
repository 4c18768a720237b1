using System.Runtime.CompilerServices;

namespace ReefDB.Storage.Trees;

/// <summary>The branches from the root down to a cursor's leaf, stored inline so cursors do not allocate.</summary>
[InlineArray(TreeShape.MaxBranchDepth)]
internal struct BranchPath<TKey, TValue>
{
    private BranchNode<TKey, TValue> element;
}

/// <summary>The child index taken at each level of a <see cref="BranchPath{TKey, TValue}"/>.</summary>
[InlineArray(TreeShape.MaxBranchDepth)]
internal struct ChildIndexPath
{
    private int element;
}
