using SalesPipeline.Deals;

namespace SalesPipeline.Organization;

public sealed partial class VisibilityScope
{
    // The frame of the rows this scope sees, of the frame's kind (DealFrame.Where), decided from the columns by Sees
    // itself, once per owner and once per pool instead of once per row, so no row's deal is made: a row with an owner
    // (the Pool field says which have none) is seen by its owner key, which is its owner; a pooled row by its Team field.
    internal DealFrame Visible(DealFrame frame)
    {
        var fields = frame.Fields;
        var byOwner = System.Array.ConvertAll(frame.OwnerKeys, owner => Sees(owner, null));
        // By team code plus one, 0 being the company pool (no team).
        var byPool = new bool[fields.Team.Values.Length + 1];
        byPool[0] = Sees(null, null);
        for (var code = 0; code < fields.Team.Values.Length; code++)
        {
            byPool[code + 1] = Sees(null, fields.Team.Values[code]);
        }
        return frame.Where(row => fields.IsPooled(row) ? byPool[fields.Team.CodeAt(row) + 1] : byOwner[frame.OwnerKey[row]]);
    }
}
