namespace Osaamismerkit.Oid4vci;

/// <summary>A checked key proof: the holder's DID (did:jwk of the proof's key) and the nonce it carried.</summary>
public sealed record HolderProof(string HolderDid, string Nonce);
