#!/usr/bin/env python3
"""More views for the default's Gaussian processes, tried first in an RDKit analogue (session 19; bench/HONEST_SELECTION.md).

On the small protocol's sampled files (bench/target/honest-selection/small-data-<seed>-80/, made by
bench/honest-selection.sh) and the peer runs of `--space fingerprints-gp`: RDKit count fingerprints folded to 2048 and
MinMax (Tanimoto on counts) kernels, a Gaussian process per view as qspace fits the default's (activities centred and
scaled, noise 0.1, prior mean by closed-form leave-one-out), and variants of their mean; prints, per seed, each
variant's median test RMSE ratio to the peer's best-by-CV, the sets at or below it, and against the four views' mean
(`base`) how many sets are lower and the median ratio. Kernels are cached in bench/target/views-analogue/.

    bench/python/.venv/bin/python bench/python/views_analogue.py 42                 # every variant, seed 42
    bench/python/.venv/bin/python bench/python/views_analogue.py 42,7 base,+tt+pathlin

Variants: base (ECFP4, FCFP4, ECFP6, atom pairs); +view (a fifth GP on tt: topological torsions, path: RDKit's
branched paths up to 7 bonds, pathlin: linear paths, path5, ecfp2, fcfp6; `b` suffix: the same as bits); trend (a
prior mean linear in the greatest similarity to the training compounds, by LOO); prec (members weighted by their
predictive precision); power (each kernel raised to 0.5, 1 or 2, chosen by LOO); n0.05, n0.2 (other noise); mk (one GP
on the mean of the four kernels).
"""
import os,sys,json,glob
for v in ("OMP_NUM_THREADS","OPENBLAS_NUM_THREADS"): os.environ[v]="1"
import numpy as np, pandas as pd
from rdkit import Chem, RDLogger
from rdkit.Chem import rdFingerprintGenerator as G
from scipy.linalg import cho_factor, cho_solve
RDLogger.DisableLog("rdApp.*")
B=os.path.dirname(os.path.dirname(os.path.abspath(__file__))); Y="y [pEC50/pKi]"; FP=2048
GENS={"ecfp4":G.GetMorganGenerator(radius=2,fpSize=FP),
 "fcfp4":G.GetMorganGenerator(radius=2,fpSize=FP,atomInvariantsGenerator=G.GetMorganFeatureAtomInvGen()),
 "ecfp6":G.GetMorganGenerator(radius=3,fpSize=FP),"ap":G.GetAtomPairGenerator(fpSize=FP),
 "tt":G.GetTopologicalTorsionGenerator(fpSize=FP),"path":G.GetRDKitFPGenerator(fpSize=FP,maxPath=7),
 "ecfp2":G.GetMorganGenerator(radius=1,fpSize=FP),
 "fcfp6":G.GetMorganGenerator(radius=3,fpSize=FP,atomInvariantsGenerator=G.GetMorganFeatureAtomInvGen()),
 "pathlin":G.GetRDKitFPGenerator(fpSize=FP,maxPath=7,branchedPaths=False),
 "path5":G.GetRDKitFPGenerator(fpSize=FP,maxPath=5)}
BIN={"ttb":"tt","pathb":"path","pathlinb":"pathlin"}
def minmax(Bm,A):
    cols=A.any(0)|Bm.any(0); As,Bs=A[:,cols],Bm[:,cols]; ta,tb=As.sum(1),Bs.sum(1)
    K=np.empty((len(Bs),len(As)))
    for i in range(0,len(Bs),32):
        mn=np.minimum(Bs[i:i+32,None,:],As[None]).sum(-1); mx=tb[i:i+32,None]+ta[None]-mn
        K[i:i+32]=np.where(mx>0,mn/np.where(mx>0,mx,1),1.0)
    return K
def gp(K,y,Ks,noise=0.1,H=None,Hs=None,var=False):
    ym,sd=y.mean(),y.std(); sd=sd if sd>1e-12 else 1.0; z=(y-ym)/sd; n=len(y)
    cf=cho_factor(K+noise*np.eye(n),lower=True); Ai=cho_solve(cf,np.eye(n)); c=np.diag(Ai)
    if H is None: H=np.ones((n,1)); Hs=np.ones((len(Ks),1))
    M=(Ai@H)/c[:,None]; r=(Ai@z)/c
    beta=np.linalg.lstsq(M,r,rcond=None)[0]
    m=H@beta; a=Ai@(z-m); pred=ym+sd*(Hs@beta+Ks@a)
    if var:
        v=1.0-np.einsum('ij,jk,ik->i',Ks,Ai,Ks)+noise
        return pred, sd*sd*np.maximum(v,1e-9)
    return pred, beta
def rmse(a,b): return float(np.sqrt(np.mean((np.asarray(a)-np.asarray(b))**2)))
def smax_loo(K):
    K2=K.copy(); np.fill_diagonal(K2,-1); return K2.max(1)
def run(seed,name,cache,views=None):
    df=pd.read_csv(f"{B}/target/honest-selection/small-data-{seed}-80/{name}.csv")
    sp=df["split"].astype(str).str.lower().to_numpy(); tr=np.where(sp=="train")[0]; te=np.where(sp=="test")[0]
    ya=df[Y].to_numpy(float); y,yt=ya[tr],ya[te]
    K,Kt={},{}; X=None
    for v in (views or list(GENS)+list(BIN)):
        cp=f"{cache}/{seed}/{name}/{v}.npz"
        if os.path.exists(cp):
            d=np.load(cp); K[v],Kt[v]=d["K"],d["Kt"]; continue
        if X is None:
            X={g:np.zeros((len(df),FP)) for g in GENS}
            for i,s in enumerate(df["smiles"].astype(str)):
                m=Chem.MolFromSmiles(s)
                for g in GENS: X[g][i]=GENS[g].GetCountFingerprintAsNumPy(m)
        A=X[v] if v in GENS else (X[BIN[v]]>0).astype(float)
        K[v],Kt[v]=minmax(A[tr],A[tr]),minmax(A[te],A[tr])
        os.makedirs(os.path.dirname(cp),exist_ok=True); np.savez(cp,K=K[v],Kt=Kt[v])
    return y,yt,K,Kt


CACHE=os.path.join(B,"target","views-analogue")
def peer(seed,name):
    d=f"{B}/results/honest-selection/small-80-seed{seed}-fingerprints-gp/{name}"
    p=json.load(open(d+"/peer.json"))["datasets"][0]["best"]["test_rmse"]
    q=json.load(open(d+"/qspace-inside-folds.json"))["datasets"][0]["best"]["test_rmse"]
    return p,q
BASE=["ecfp4","fcfp4","ecfp6","ap"]
def mean_gp(y,K,Kt,views,**kw):
    return np.mean([gp(K[v],y,Kt[v],**kw)[0] for v in views],0)
def trend(y,K,Kt,views,noise=0.1):
    out=[]
    for v in views:
        n=len(y); H=np.c_[np.ones(n),smax_loo(K[v])]; Hs=np.c_[np.ones(len(Kt[v])),Kt[v].max(1)]
        out.append(gp(K[v],y,Kt[v],noise,H,Hs)[0])
    return np.mean(out,0)
def precision(y,K,Kt,views):
    ps,vs=zip(*[gp(K[v],y,Kt[v],var=True) for v in views]); w=1/np.array(vs)
    return (np.array(ps)*w).sum(0)/w.sum(0)
def power(y,K,Kt,views,grid=(0.5,1,2)):
    out=[]
    for v in views:
        best=None
        for p in grid:
            Kp=K[v]**p; ym,sd=y.mean(),y.std(); 
            # LOO rmse of the LOO-mean GP
            n=len(y); z=(y-ym)/sd; Ai=np.linalg.inv(Kp+0.1*np.eye(n)); c=np.diag(Ai); b=Ai.sum(1); a0=Ai@z
            k=np.sum(a0*b/c**2)/np.sum(b**2/c**2); res=(a0-k*b)/c
            s=np.mean(res**2)
            if best is None or s<best[0]: best=(s,p)
        out.append(gp(K[v]**best[1],y,Kt[v]**best[1])[0])
    return np.mean(out,0)
def mk(y,K,Kt,views):
    return gp(np.mean([K[v] for v in views],0),y,np.mean([Kt[v] for v in views],0))[0]
VARS={
 "base":lambda y,K,Kt: mean_gp(y,K,Kt,BASE),
 "trend":lambda y,K,Kt: trend(y,K,Kt,BASE),
 "prec":lambda y,K,Kt: precision(y,K,Kt,BASE),
 "power":lambda y,K,Kt: power(y,K,Kt,BASE),
 "+tt":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["tt"]),
 "+path":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["path"]),
 "+tt+path":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["tt","path"]),
 "+ecfp2":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["ecfp2"]),
 "+fcfp6":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["fcfp6"]),
 "all8":lambda y,K,Kt: mean_gp(y,K,Kt,list(GENS)),
 "+ttb":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["ttb"]),
 "+pathb":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["pathb"]),
 "+pathlin":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["pathlin"]),
 "+pathlinb":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["pathlinb"]),
 "+path5":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["path5"]),
 "+tt+pathlin":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["tt","pathlin"]),
 "+ttb+pathlinb":lambda y,K,Kt: mean_gp(y,K,Kt,BASE+["ttb","pathlinb"]),
 "ttpath-alone":lambda y,K,Kt: mean_gp(y,K,Kt,["tt","path"]),
 "n0.05":lambda y,K,Kt: mean_gp(y,K,Kt,BASE,noise=0.05),
 "n0.2":lambda y,K,Kt: mean_gp(y,K,Kt,BASE,noise=0.2),
 "mk":lambda y,K,Kt: mk(y,K,Kt,BASE),
 "mk+base":lambda y,K,Kt: 0.5*mk(y,K,Kt,BASE)+0.5*mean_gp(y,K,Kt,BASE),
}
seeds=[int(s) for s in sys.argv[1].split(",")] if len(sys.argv)>1 else [42]
sel=sys.argv[2].split(",") if len(sys.argv)>2 else list(VARS)
names=sorted(os.path.basename(p)[:-4] for p in glob.glob(f"{B}/target/honest-selection/small-data-42-80/*.csv"))
for seed in seeds:
    rows={k:[] for k in sel}; qr=[]
    for n in names:
        y,yt,K,Kt=run(seed,n,CACHE); p,q=peer(seed,n); qr.append(q/p)
        for k in sel: rows[k].append(rmse(VARS[k](y,K,Kt),yt)/p)
    print(f"seed {seed}: qspace fingerprints-gp (four views) {np.median(qr):.4f} wins {sum(r<=1 for r in qr)}")
    b=np.array(rows["base"]) if "base" in rows else None
    for k in sel:
        r=np.array(rows[k]); extra=f" lower-than-base {int((r<b-1e-12).sum())} med {np.median(r/b):.4f}" if b is not None else ""
        print(f"  {k:10s} med {np.median(r):.4f} wins {(r<=1).sum()}{extra}")
