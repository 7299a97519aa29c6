package org.neuromf.core.util;

/**
 * The exponential function to within one unit in the last place, for the inner loops of the
 * simulators. {@link Math#exp} is a call into a JIT stub that the compiler cannot inline, so every
 * live floating-point register is saved around it; this version is plain arithmetic that inlines
 * into the loop (about 2.6 against 5.5 ns a call in a summing loop here; the network benchmark
 * runs 12 % faster with it, benchmarks/README.md).
 *
 * <p>Tang's method: {@code x = (256 e + j) ln2/256 + r} with |r| <= ln2/512, so
 * {@code exp(x) = 2^e 2^(j/256) exp(r)}; 2^(j/256) is tabulated to twice double precision and
 * exp(r) - 1 by its Taylor polynomial of degree 4, whose remainder r^5/120 is
 * below 4e-17. Outside |x| < 700 (and for NaN) it is {@link Math#exp}.
 */
public final class Exp {

    static final int BITS = 8;
    static final int SIZE = 1 << BITS;
    private static final double SIZE_OVER_LN2 = SIZE / StrictMath.log(2);
    /** ln2/256 cut to its leading 25 bits, so that k * HI is exact for every |k| < 2^20. */
    static final double LN2_OVER_SIZE_HI = 0x1.62e42fp-9;
    /** ln2/256 - HI, rounded. */
    static final double LN2_OVER_SIZE_LO = 0x1.df473de6af279p-34;

    // 2^(j/256) rounded to double (its bits), and the relative remainder of that rounding: computed in
    // 40-digit decimal arithmetic and checked against that computation in ExpTest. As literals they cost
    // nothing at start-up; computing them took 40-80 ms.
    static final long[] POWER_BITS = {
        0x3ff0000000000000L, 0x3ff00b1afa5abcbfL, 0x3ff0163da9fb3335L, 0x3ff02168143b0281L,
        0x3ff02c9a3e778061L, 0x3ff037d42e11bbccL, 0x3ff04315e86e7f85L, 0x3ff04e5f72f654b1L,
        0x3ff059b0d3158574L, 0x3ff0650a0e3c1f89L, 0x3ff0706b29ddf6deL, 0x3ff07bd42b72a836L,
        0x3ff0874518759bc8L, 0x3ff092bdf66607e0L, 0x3ff09e3ecac6f383L, 0x3ff0a9c79b1f3919L,
        0x3ff0b5586cf9890fL, 0x3ff0c0f145e46c85L, 0x3ff0cc922b7247f7L, 0x3ff0d83b23395decL,
        0x3ff0e3ec32d3d1a2L, 0x3ff0efa55fdfa9c5L, 0x3ff0fb66affed31bL, 0x3ff1073028d7233eL,
        0x3ff11301d0125b51L, 0x3ff11edbab5e2ab6L, 0x3ff12abdc06c31ccL, 0x3ff136a814f204abL,
        0x3ff1429aaea92de0L, 0x3ff14e95934f312eL, 0x3ff15a98c8a58e51L, 0x3ff166a45471c3c2L,
        0x3ff172b83c7d517bL, 0x3ff17ed48695bbc0L, 0x3ff18af9388c8deaL, 0x3ff1972658375d2fL,
        0x3ff1a35beb6fcb75L, 0x3ff1af99f8138a1cL, 0x3ff1bbe084045cd4L, 0x3ff1c82f95281c6bL,
        0x3ff1d4873168b9aaL, 0x3ff1e0e75eb44027L, 0x3ff1ed5022fcd91dL, 0x3ff1f9c18438ce4dL,
        0x3ff2063b88628cd6L, 0x3ff212be3578a819L, 0x3ff21f49917ddc96L, 0x3ff22bdda27912d1L,
        0x3ff2387a6e756238L, 0x3ff2451ffb82140aL, 0x3ff251ce4fb2a63fL, 0x3ff25e85711ece75L,
        0x3ff26b4565e27cddL, 0x3ff2780e341ddf29L, 0x3ff284dfe1f56381L, 0x3ff291ba7591bb70L,
        0x3ff29e9df51fdee1L, 0x3ff2ab8a66d10f13L, 0x3ff2b87fd0dad990L, 0x3ff2c57e39771b2fL,
        0x3ff2d285a6e4030bL, 0x3ff2df961f641589L, 0x3ff2ecafa93e2f56L, 0x3ff2f9d24abd886bL,
        0x3ff306fe0a31b715L, 0x3ff31432edeeb2fdL, 0x3ff32170fc4cd831L, 0x3ff32eb83ba8ea32L,
        0x3ff33c08b26416ffL, 0x3ff3496266e3fa2dL, 0x3ff356c55f929ff1L, 0x3ff36431a2de883bL,
        0x3ff371a7373aa9cbL, 0x3ff37f26231e754aL, 0x3ff38cae6d05d866L, 0x3ff39a401b7140efL,
        0x3ff3a7db34e59ff7L, 0x3ff3b57fbfec6cf4L, 0x3ff3c32dc313a8e5L, 0x3ff3d0e544ede173L,
        0x3ff3dea64c123422L, 0x3ff3ec70df1c5175L, 0x3ff3fa4504ac801cL, 0x3ff40822c367a024L,
        0x3ff4160a21f72e2aL, 0x3ff423fb2709468aL, 0x3ff431f5d950a897L, 0x3ff43ffa3f84b9d4L,
        0x3ff44e086061892dL, 0x3ff45c2042a7d232L, 0x3ff46a41ed1d0057L, 0x3ff4786d668b3237L,
        0x3ff486a2b5c13cd0L, 0x3ff494e1e192aed2L, 0x3ff4a32af0d7d3deL, 0x3ff4b17dea6db7d7L,
        0x3ff4bfdad5362a27L, 0x3ff4ce41b817c114L, 0x3ff4dcb299fddd0dL, 0x3ff4eb2d81d8abffL,
        0x3ff4f9b2769d2ca7L, 0x3ff508417f4531eeL, 0x3ff516daa2cf6642L, 0x3ff5257de83f4eefL,
        0x3ff5342b569d4f82L, 0x3ff542e2f4f6ad27L, 0x3ff551a4ca5d920fL, 0x3ff56070dde910d2L,
        0x3ff56f4736b527daL, 0x3ff57e27dbe2c4cfL, 0x3ff58d12d497c7fdL, 0x3ff59c0827ff07ccL,
        0x3ff5ab07dd485429L, 0x3ff5ba11fba87a03L, 0x3ff5c9268a5946b7L, 0x3ff5d84590998b93L,
        0x3ff5e76f15ad2148L, 0x3ff5f6a320dceb71L, 0x3ff605e1b976dc09L, 0x3ff6152ae6cdf6f4L,
        0x3ff6247eb03a5585L, 0x3ff633dd1d1929fdL, 0x3ff6434634ccc320L, 0x3ff652b9febc8fb7L,
        0x3ff6623882552225L, 0x3ff671c1c70833f6L, 0x3ff68155d44ca973L, 0x3ff690f4b19e9538L,
        0x3ff6a09e667f3bcdL, 0x3ff6b052fa75173eL, 0x3ff6c012750bdabfL, 0x3ff6cfdcddd47645L,
        0x3ff6dfb23c651a2fL, 0x3ff6ef9298593ae5L, 0x3ff6ff7df9519484L, 0x3ff70f7466f42e87L,
        0x3ff71f75e8ec5f74L, 0x3ff72f8286ead08aL, 0x3ff73f9a48a58174L, 0x3ff74fbd35d7cbfdL,
        0x3ff75feb564267c9L, 0x3ff77024b1ab6e09L, 0x3ff780694fde5d3fL, 0x3ff790b938ac1cf6L,
        0x3ff7a11473eb0187L, 0x3ff7b17b0976cfdbL, 0x3ff7c1ed0130c132L, 0x3ff7d26a62ff86f0L,
        0x3ff7e2f336cf4e62L, 0x3ff7f3878491c491L, 0x3ff80427543e1a12L, 0x3ff814d2add106d9L,
        0x3ff82589994cce13L, 0x3ff8364c1eb941f7L, 0x3ff8471a4623c7adL, 0x3ff857f4179f5b21L,
        0x3ff868d99b4492edL, 0x3ff879cad931a436L, 0x3ff88ac7d98a6699L, 0x3ff89bd0a478580fL,
        0x3ff8ace5422aa0dbL, 0x3ff8be05bad61778L, 0x3ff8cf3216b5448cL, 0x3ff8e06a5e0866d9L,
        0x3ff8f1ae99157736L, 0x3ff902fed0282c8aL, 0x3ff9145b0b91ffc6L, 0x3ff925c353aa2fe2L,
        0x3ff93737b0cdc5e5L, 0x3ff948b82b5f98e5L, 0x3ff95a44cbc8520fL, 0x3ff96bdd9a7670b3L,
        0x3ff97d829fde4e50L, 0x3ff98f33e47a22a2L, 0x3ff9a0f170ca07baL, 0x3ff9b2bb4d53fe0dL,
        0x3ff9c49182a3f090L, 0x3ff9d674194bb8d5L, 0x3ff9e86319e32323L, 0x3ff9fa5e8d07f29eL,
        0x3ffa0c667b5de565L, 0x3ffa1e7aed8eb8bbL, 0x3ffa309bec4a2d33L, 0x3ffa42c980460ad8L,
        0x3ffa5503b23e255dL, 0x3ffa674a8af46052L, 0x3ffa799e1330b358L, 0x3ffa8bfe53c12e59L,
        0x3ffa9e6b5579fdbfL, 0x3ffab0e521356ebaL, 0x3ffac36bbfd3f37aL, 0x3ffad5ff3a3c2774L,
        0x3ffae89f995ad3adL, 0x3ffafb4ce622f2ffL, 0x3ffb0e07298db666L, 0x3ffb20ce6c9a8952L,
        0x3ffb33a2b84f15fbL, 0x3ffb468415b749b1L, 0x3ffb59728de5593aL, 0x3ffb6c6e29f1c52aL,
        0x3ffb7f76f2fb5e47L, 0x3ffb928cf22749e4L, 0x3ffba5b030a1064aL, 0x3ffbb8e0b79a6f1fL,
        0x3ffbcc1e904bc1d2L, 0x3ffbdf69c3f3a207L, 0x3ffbf2c25bd71e09L, 0x3ffc06286141b33dL,
        0x3ffc199bdd85529cL, 0x3ffc2d1cd9fa652cL, 0x3ffc40ab5fffd07aL, 0x3ffc544778fafb22L,
        0x3ffc67f12e57d14bL, 0x3ffc7ba88988c933L, 0x3ffc8f6d9406e7b5L, 0x3ffca3405751c4dbL,
        0x3ffcb720dcef9069L, 0x3ffccb0f2e6d1675L, 0x3ffcdf0b555dc3faL, 0x3ffcf3155b5bab74L,
        0x3ffd072d4a07897cL, 0x3ffd1b532b08c968L, 0x3ffd2f87080d89f2L, 0x3ffd43c8eacaa1d6L,
        0x3ffd5818dcfba487L, 0x3ffd6c76e862e6d3L, 0x3ffd80e316c98398L, 0x3ffd955d71ff6075L,
        0x3ffda9e603db3285L, 0x3ffdbe7cd63a8315L, 0x3ffdd321f301b460L, 0x3ffde7d5641c0658L,
        0x3ffdfc97337b9b5fL, 0x3ffe11676b197d17L, 0x3ffe264614f5a129L, 0x3ffe3b333b16ee12L,
        0x3ffe502ee78b3ff6L, 0x3ffe653924676d76L, 0x3ffe7a51fbc74c83L, 0x3ffe8f7977cdb740L,
        0x3ffea4afa2a490daL, 0x3ffeb9f4867cca6eL, 0x3ffecf482d8e67f1L, 0x3ffee4aaa2188510L,
        0x3ffefa1bee615a27L, 0x3fff0f9c1cb6412aL, 0x3fff252b376bba97L, 0x3fff3ac948dd7274L,
        0x3fff50765b6e4540L, 0x3fff6632798844f8L, 0x3fff7bfdad9cbe14L, 0x3fff91d802243c89L,
        0x3fffa7c1819e90d8L, 0x3fffbdba3692d514L, 0x3fffd3c22b8f71f1L, 0x3fffe9d96b2a23d9L,
    };
    static final double[] POWER_REMAINDER = {
        0x0.0p0, -0x1.4e82fc61851acp-55, 0x1.b3b4f1a88bf6ep-54, -0x1.2985dd8521d32p-55,
        -0x1.160139cd8dc5dp-56, 0x1.51e617061bfbdp-57, -0x1.05e7a108766d1p-54, 0x1.45fad437fa426p-55,
        0x1.cd2523567f613p-55, -0x1.54529642b232fp-54, -0x1.bce8023f98efap-55, 0x1.293708ef5c32ep-55,
        0x1.0f74e61e6c861p-57, -0x1.5b9280905b2a4p-54, 0x1.0a3e45b33d399p-54, 0x1.4f31f32c4b7e7p-55,
        0x1.79aa65d837b6dp-54, 0x1.407fb30d0642p-54, 0x1.eb51a92fdeffcp-55, -0x1.a5d04b3b9911bp-54,
        0x1.ebe3d702f9cd1p-60, -0x1.37a01f0739546p-54, -0x1.a033489906e0bp-57, 0x1.b8268b04ef0a5p-55,
        -0x1.556522a2fbd0ep-54, -0x1.ac46e44a2ebccp-54, -0x1.080ef8c4eea55p-58, -0x1.5704e90c9f86p-57,
        -0x1.1c923b9d5f416p-54, -0x1.97cea57e4628p-55, 0x1.0d3e3e95c55afp-55, 0x1.6f01429e2b9d2p-58,
        -0x1.01b15eaa59348p-55, 0x1.e653b2459034bp-57, -0x1.f1ff055de323dp-55, 0x1.2cc7ea345b7dcp-54,
        0x1.b898c3f1353bfp-55, 0x1.57bfb2876ea9ep-54, -0x1.6d99c7611eb26p-54, 0x1.cdc1873af2155p-55,
        0x1.aecf73e3a2f6p-54, -0x1.493684653a131p-54, -0x1.fe782cb86389dp-55, -0x1.8e2899077520ap-54,
        0x1.a6f4144a6c38dp-55, 0x1.120fcd4f59273p-54, 0x1.07a05b0e4047dp-55, 0x1.9b788c188c9b8p-55,
        0x1.68efde3a8a894p-54, 0x1.77afbca90ef84p-55, 0x1.75e18f274487dp-55, 0x1.1512f082876eep-54,
        0x1.0472b981fe7f2p-55, 0x1.a02f0c7d75ec6p-54, -0x1.6b87b3f71085ep-54, -0x1.03297e78260bfp-55,
        0x1.2f7e16d09ab31p-55, -0x1.5b77e5ccd9fbfp-54, -0x1.d219b1a6fbffap-60, -0x1.1e75c40b4251ep-54,
        0x1.b3782720c0ab4p-55, 0x1.8a911f1f7785ap-54, 0x1.e149289cecb8fp-57, -0x1.1e7c998db7dbbp-57,
        0x1.34d754db0abb6p-55, 0x1.5425c11faadf4p-55, 0x1.64201e2ac744cp-55, -0x1.79517a03e2847p-54,
        0x1.fdd395dd3f84ap-55, -0x1.00e2a46da4beep-55, -0x1.6a3803b8e5b04p-55, -0x1.7430803972b34p-55,
        -0x1.24aedcc4b5068p-54, -0x1.54de30ae02d94p-54, -0x1.907f81b512d8ep-54, -0x1.4f2487e1c03ecp-54,
        -0x1.1d1e83e9436d2p-56, 0x1.14a5432fcb2f4p-54, -0x1.91919b3ce1b15p-54, 0x1.9c3bba5562a2fp-56,
        0x1.59f48a72a4c6dp-55, -0x1.5a71612e21658p-55, -0x1.312607a28698ap-54, 0x1.6421f6f1d24d6p-55,
        -0x1.8a78f4817895bp-58, -0x1.348a6815fce65p-54, -0x1.c2c9b67499a1bp-56, 0x1.35c43984d9871p-55,
        0x1.363ed60c2ac11p-59, -0x1.32afc8d9473ap-57, 0x1.666093b0664efp-54, -0x1.5fc5e44de020ep-54,
        0x1.ecce1daa10379p-57, -0x1.ea0148327c42fp-56, 0x1.3ff8e3f0f123p-54, -0x1.a843ad1a88022p-56,
        0x1.690cebb7aafbp-56, 0x1.92ca3bf144e63p-55, 0x1.31dbdeb54e077p-54, -0x1.02c99b04aa8bp-54,
        -0x1.f94340071a38ep-55, 0x1.3e34f67e67118p-56, -0x1.7deccdc93a349p-55, -0x1.5a3b1197ba0fp-56,
        -0x1.8dec6bd0f385fp-56, 0x1.1bd2888075068p-55, -0x1.61246ec7b5cf6p-55, -0x1.96be8ae89ef8fp-55,
        0x1.3350518fdd78ep-54, -0x1.8e6ac90348602p-55, 0x1.b98b72f8a9b05p-56, -0x1.1af7f1365c3acp-54,
        0x1.063e1e21c5409p-54, -0x1.43a3540d1898ap-54, 0x1.4c7855019c6eap-60, -0x1.51f58ddaa809p-54,
        0x1.432e62b64c035p-54, -0x1.2e1648e50a17cp-55, -0x1.ce44a6199769fp-55, 0x1.5f30eda98a575p-54,
        -0x1.c33c53bef4da8p-55, 0x1.17ecda8a72159p-54, -0x1.45378892be9aep-55, -0x1.345f3cee1ae6ep-54,
        -0x1.3cedd78565858p-54, -0x1.5c33fdf910406p-55, 0x1.710aa807e1964p-58, 0x1.1079ab5789604p-55,
        -0x1.3b3efbf5e2228p-54, 0x1.27df161cd7778p-56, -0x1.a12ad8734b982p-57, 0x1.3f9924a05b767p-54,
        -0x1.367efb86da9eep-57, -0x1.7557939a8b5efp-55, -0x1.0dc3d54e08851p-55, 0x1.1ed2f56fa9d1ap-58,
        -0x1.81f647e5a3ecfp-56, -0x1.8e67a9006c909p-55, -0x1.6ee4ac08b7dbp-55, 0x1.6597566977ac8p-55,
        -0x1.619321e55e68ap-55, 0x1.2c0b7028a5c3ap-54, 0x1.09ccb5e09d4d3p-54, 0x1.a30faf49cc78cp-55,
        -0x1.b32dcb94da51dp-56, -0x1.2dad3519d7b5bp-54, 0x1.4ecfd5467c06bp-54, 0x1.7d51410fd15c2p-55,
        0x1.5ebe1abd66c55p-57, -0x1.60a3629969871p-56, -0x1.8a1c52fb3cf42p-55, 0x1.b18c6e3fdef5dp-55,
        -0x1.369b6f13b3734p-54, 0x1.0ec1ddcb1390ap-54, -0x1.05e843a19ff1ep-55, -0x1.22cea4f3afa1ep-58,
        -0x1.4d450d872576ep-54, 0x1.c88549b958471p-56, 0x1.0ad675b0e8ap-54, 0x1.31143962f7877p-54,
        0x1.db72fc1f0eab4p-55, 0x1.3e9e96f112479p-54, -0x1.5b6609cc5e7ffp-57, -0x1.dac42a4a38dfp-55,
        0x1.bf68359f35f44p-56, 0x1.b99dd98b1ed84p-55, -0x1.3091fa71e3d83p-54, -0x1.885ad50cbb75p-56,
        -0x1.da9b88b6c1e29p-58, -0x1.2d5e85f3e0301p-55, -0x1.c23f97c90b959p-57, -0x1.1669428996971p-58,
        -0x1.2434322f4f9aap-54, 0x1.1f2b2c1c4c014p-56, -0x1.5ca6cd7668e4bp-55, -0x1.294f304f166b6p-54,
        0x1.1affc2b91ce27p-56, -0x1.a1e58414c07d3p-55, 0x1.dd235e10a73bbp-57, -0x1.9740b58a20091p-56,
        -0x1.7c50422622263p-55, 0x1.165830a2b96c2p-54, 0x1.b1c86e3e231d5p-55, -0x1.03d5cbe27874bp-54,
        -0x1.1bbd1d3bcbb15p-54, 0x1.986178980fcep-58, 0x1.0cc319cee31d2p-54, -0x1.9472975b1f2a5p-55,
        0x1.469846e735ab3p-55, 0x1.d8157a34b7e7fp-56, -0x1.2dfcd978e9db4p-55, 0x1.c8a4e231ebb7dp-55,
        0x1.c1a7792cb3387p-55, -0x1.88c8d11a142e5p-55, -0x1.07b8f4ad1d9fap-54, 0x1.89c2ea41433c7p-55,
        -0x1.5c3d956dcaebap-58, -0x1.274aedac8ff8p-56, -0x1.0a40e3da6f64p-54, 0x1.5c620ce76df06p-55,
        -0x1.8d6f438ad9334p-57, -0x1.fda52e1b51e41p-55, -0x1.1eee26b588a35p-54, -0x1.2141a7b3e2cd8p-60,
        0x1.4ffd70a5fddcdp-56, -0x1.02899507554e5p-60, -0x1.1bdfbfa9298acp-54, -0x1.0dda2d4c0010cp-55,
        0x1.36eae30af0cb3p-56, -0x1.a007daadf8d68p-55, 0x1.ee3325c9ffd94p-55, 0x1.36909391181d3p-55,
        0x1.4e08fd10959acp-55, -0x1.11cd7dbdf9547p-55, 0x1.3cdaf384e1a67p-57, -0x1.ac28b7bef6621p-56,
        0x1.76b2c6c921968p-57, -0x1.030587207b9e1p-56, -0x1.08a1883ccb5d2p-55, -0x1.cc734592af7fcp-55,
        -0x1.fad5d3ffffa6fp-55, 0x1.7752a44f587e8p-55, -0x1.00dae3875a949p-54, 0x1.5b66fefeef52ep-55,
        0x1.4a385a63d07a7p-56, 0x1.159d9d908a96ep-58, -0x1.2919e2040220fp-55, 0x1.c254d16117a68p-55,
        0x1.e5a50d5c192acp-55, -0x1.d8c329fbd0e03p-55, 0x1.43a59ac016b4bp-55, -0x1.ea6e6fbd5f2a6p-55,
        -0x1.2d52107b43e1fp-55, -0x1.3e8e3eab2cbb4p-57, -0x1.92ab93b470dc9p-55, -0x1.b7966cd0d2cd9p-55,
        0x1.4b604603a88d3p-56, -0x1.76caa4c2ff1cfp-56, 0x1.3c5ec519d7271p-55, -0x1.1d5fc525d994p-55,
        -0x1.ff7128fd391fp-55, 0x1.55cd8aaea3d21p-55, -0x1.dae98e223747dp-55, 0x1.269947c2bed4ap-55,
        0x1.ec3bc41aa2008p-55, -0x1.3b6137e9afe9ep-55, 0x1.42b94c3a9eb32p-55, -0x1.9fa74878ba7c7p-57,
        0x1.a64a931d185eep-55, 0x1.01f3a75ee0efep-54, -0x1.e37bae43be3edp-55, -0x1.16a9ce6ed84fap-58,
        0x1.7893b4d91cd9dp-56, -0x1.99c7db2effc76p-57, 0x1.305c14160cc89p-58, 0x1.4b458677f984p-57,
    };

    private Exp() {
    }

    /** e^x, within one ulp of the exact value. */
    public static double exp(double x) {
        if (!(Math.abs(x) < 700)) {
            return Math.exp(x);
        }
        double kd = Math.rint(x * SIZE_OVER_LN2);
        long k = (long) kd;
        double r = (x - kd * LN2_OVER_SIZE_HI) - kd * LN2_OVER_SIZE_LO;
        int j = (int) (k & (SIZE - 1));
        double scale = Double.longBitsToDouble(POWER_BITS[j] + ((k >> BITS) << 52));
        double expm1 = r + r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24)));
        return scale + scale * (expm1 + POWER_REMAINDER[j]);
    }
}
