<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>qpv_perimetres</Name>
    <UserStyle>
      <Name>qpv_perimetres</Name>
      <Title>Périmètres des quartiers prioritaires</Title>
      <Abstract>Contours des quartiers prioritaires de la politique de la ville (génération 2015, CGET / ANCT), tracés sans remplissage pour laisser voir les couches du dessous.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>qpv</Name>
        <Title>Quartier prioritaire (contour 2015)</Title>
        <PolygonSymbolizer><Stroke><CssParameter name="stroke">#ae017e</CssParameter><CssParameter name="stroke-width">1.5</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
      <Rule>
        <Name>nom</Name>
        <Title>Nom du quartier</Title>
        <MaxScaleDenominator>100000</MaxScaleDenominator>
        <TextSymbolizer><Label><ogc:PropertyName>nom_qp</ogc:PropertyName></Label><Font><CssParameter name="font-family">SansSerif</CssParameter><CssParameter name="font-size">11</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter><CssParameter name="fill-opacity">0.85</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#7a0177</CssParameter></Fill></TextSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
