# Reference values of assess.AnyNeed (TestAnyNeedAgreesWithR): the derived
# need "at least one service" on a stratified cluster design with missing
# answers. Run: Rscript assess/testdata/anyneed.R (R 4.2.2, survey 4.1-1).
library(survey)
a <- c(1,0,0,NA,0,0,1,0,0,0)
b <- c(0,1,0,0,NA,0,1,0,NA,0)
any <- ifelse((!is.na(a) & a==1) | (!is.na(b) & b==1), 1, ifelse(is.na(a) | is.na(b), NA, 0))
print(any)
d <- data.frame(any=any, w=c(10,10,20,20,10,10,20,20,10,10), st=c(1,1,1,1,1,2,2,2,2,2), cl=c(1,1,2,2,3,4,4,5,5,6))
ds <- svydesign(ids=~cl, strata=~st, weights=~w, data=d, nest=TRUE)
ds <- subset(ds, !is.na(any))
m <- svyciprop(~any, ds, method="logit", df=degf(ds))
print(sprintf("%.12f %.12f %.12f %.12f", coef(m), SE(m), confint(m)[1], confint(m)[2]))
